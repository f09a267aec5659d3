package org.marginscope.model;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Which ND4J backend runs the numbers, in words for the status bar and the command line. */
public final class BackendInfo {
    private BackendInfo() {
    }

    /** "CPU" or "CUDA". */
    public static String kind() {
        String name = Nd4j.getBackend().getClass().getName().toLowerCase();
        return name.contains("cuda") || name.contains("jcublas") ? "CUDA" : "CPU";
    }

    /** For example "CPU (openblas, 2 threads)" or "CUDA (NVIDIA H100 80GB HBM3)". */
    public static String describe() {
        String kind = kind();
        try {
            Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
            if (kind.equals("CUDA")) {
                Object devices = env.get("cuda.devicesInformation");
                if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m) {
                    Object n = m.get("cuda.deviceName");
                    if (n != null) {
                        return "CUDA (" + n + ")";
                    }
                }
                return "CUDA";
            }
            Object blas = env.get("blas.vendor");
            Object threads = env.get("omp.threads");
            StringBuilder sb = new StringBuilder("CPU");
            if (blas != null || threads != null) {
                sb.append(" (");
                if (blas != null) {
                    sb.append(blas.toString().toLowerCase());
                }
                if (threads != null) {
                    sb.append(blas != null ? ", " : "").append(threads).append(" threads");
                }
                sb.append(')');
            }
            return sb.toString();
        } catch (RuntimeException e) {
            return kind;
        }
    }
}
