package org.marginscope.model;

/**
 * Whether the JDK's Vector API ({@code jdk.incubator.vector}) is in this JVM, so that the fused
 * kernel can run on {@link FusedPairVectorKernel}. The module is present when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher relaunches itself so; see
 * {@code org.marginscope.JvmRelaunch}); without it every kernel takes its scalar loops.
 * {@code -Dmarginscope.simd=false} turns the vector kernel off.
 */
public final class Simd {
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static volatile boolean enabled = PRESENT && !"false".equals(System.getProperty("marginscope.simd"));

    private Simd() {
    }

    /** Whether the vector kernels run. */
    public static boolean enabled() {
        return enabled;
    }

    /** Turns the vector kernels off (or on again where the module is present); for tests and benchmarks. */
    public static void setEnabled(boolean on) {
        enabled = on && PRESENT;
    }

    /** For example "SIMD 512-bit (Vector API)" or "scalar (no jdk.incubator.vector)". */
    public static String describe() {
        if (!PRESENT) {
            return "scalar (no jdk.incubator.vector)";
        }
        if (!enabled) {
            return "scalar (SIMD turned off)";
        }
        return "SIMD " + FusedPairVectorKernel.vectorBits() + "-bit (Vector API)";
    }
}
