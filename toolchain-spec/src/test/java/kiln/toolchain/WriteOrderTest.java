package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteOrderTest {

  private static final BuildTime TIME = new BuildTime(Instant.parse("2026-01-01T00:00:00Z"), true);
  @TempDir Path dir;

  @Test
  void largeFilesComeLastLargestFirstAndTheirHardLinksAfterThem() throws Exception {
    Path tools = dir.resolve("lfs/tools");
    Trees.write(tools.resolve("bin/as"), "as\n", 0755);
    Files.write(tools.resolve("bin/cc1"), new byte[2 << 20]);
    Files.createDirectories(tools.resolve("libexec"));
    Files.write(tools.resolve("libexec/cc1plus"), new byte[3 << 20]);
    Files.createLink(tools.resolve("bin/c++1"), tools.resolve("libexec/cc1plus"));
    Trees.write(tools.resolve("lib/libc.so.6"), "libc\n", 0644);
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "name: t\nbase: lfs/tools\n");
    BuiltTarball built =
        new ToolsTarball(TIME, 2).build(ToolchainSpec.read(spec), spec, dir.resolve("out"));
    List<String> order = ToolsTarball.list(built.path()).stream().map(TarballEntry::path).toList();
    assertEquals(
        List.of(
            "tools/",
            "tools/bin/",
            "tools/bin/as",
            "tools/lib/",
            "tools/lib/libc.so.6",
            "tools/libexec/",
            "tools/bin/c++1",
            "tools/bin/cc1",
            "tools/libexec/cc1plus"),
        order);
  }
}
