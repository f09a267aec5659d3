package org.marginscope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the relaunched child JVM gets: the desktop app's heap cap, and its standard error without the incubator line. */
class JvmRelaunchTest {

    @Test
    void theDesktopAppGetsAHeapCapUnlessTheUserSetOne() {
        List<String> cap = List.of("-Xmx" + JvmRelaunch.GUI_MAX_HEAP);
        assertEquals(cap, JvmRelaunch.heapCap(new String[0], List.of("-Dprism.order=sw")));
        assertEquals(cap, JvmRelaunch.heapCap(new String[] {"gui", "--preset", "li-blob"}, List.of()));
        assertEquals(List.of(), JvmRelaunch.heapCap(new String[0], List.of("-Xmx3g")));
        assertEquals(List.of(), JvmRelaunch.heapCap(new String[] {"gui"}, List.of("-XX:MaxHeapSize=2147483648")));
        assertEquals(List.of(), JvmRelaunch.heapCap(new String[] {"gui"}, List.of("-XX:MaxRAMPercentage=50")));
        assertEquals(List.of(), JvmRelaunch.heapCap(new String[] {"run", "--preset", "li-blob"}, List.of()),
                "headless commands keep the JDK's default heap");
        assertEquals(List.of(), JvmRelaunch.heapCap(new String[] {"svm", "--csv", "big.csv"}, List.of()));
    }

    @Test
    void theIncubatorWarningIsDroppedAndEverythingElsePassesThrough() {
        String warning = "WARNING: Using incubator modules: " + JvmRelaunch.MODULE + "\n";
        assertEquals("progress 10%\rprogress 20%\ndone\n", copied(warning + "progress 10%\rprogress 20%\ndone\n"));
        assertEquals("marginscope: no such preset\n", copied("marginscope: no such preset\n"), "no warning: nothing is dropped");
        assertEquals("", copied(""));
        assertEquals("x", copied("x"));
    }

    private static String copied(String in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JvmRelaunch.copyWithoutWarning(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
