package kiln.stages.studio.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudioLayoutTest {

  @Test
  void linksTheShellBasicToolsLoaderAndLibrariesLikeHabitatsStage1Studio() {
    Set<String> entries =
        Set.of(
            "tools",
            "tools/bin",
            "tools/bin/bash",
            "tools/bin/cat",
            "tools/bin/env",
            "tools/bin/ls",
            "tools/lib",
            "tools/lib/ld-linux-x86-64.so.2",
            "tools/lib/libc.so.6",
            "tools/lib/libgcc_s.so.1",
            "tools/lib/crt1.o",
            "tools/lib/tcc/libtcc1.a");

    Map<String, String> links = StudioLayout.stage1Links(entries);

    assertEquals("/tools/bin/bash", links.get("bin/sh"));
    assertEquals("/tools/bin/bash", links.get("bin/bash"));
    assertEquals("/tools/bin/cat", links.get("bin/cat"));
    assertEquals("/tools/bin/env", links.get("usr/bin/env"));
    assertEquals("/tools/lib/ld-linux-x86-64.so.2", links.get("lib64/ld-linux-x86-64.so.2"));
    assertEquals("/tools/lib/libc.so.6", links.get("lib/libc.so.6"));
    assertEquals("/tools/lib/libgcc_s.so.1", links.get("usr/lib/libgcc_s.so.1"));
    assertEquals(null, links.get("bin/ls"), "only Habitat's few tools go to /bin");
    assertEquals(null, links.get("lib/crt1.o"));
    assertEquals(null, links.get("bin/echo"), "nothing dangles");
  }

  @Test
  void refusesToolsWithoutBash() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StudioLayout.stage1Links(Set.of("tools/bin/busybox")));
    assertTrue(e.getMessage().contains("no tools/bin/bash"), e.getMessage());
  }
}
