package kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainSpecTest {

  private static final String HINT =
      "use a path relative to the link that stays inside, or one under /tools/";
  @TempDir Path dir;

  @Test
  void readsEveryPartRelativeToTheSpecsFolder() throws Exception {
    Files.createDirectories(dir.resolve("lfs/tools"));
    Files.writeString(dir.resolve("busybox"), "bb");
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: demo-studio-stage1
        base: lfs/tools
        files:
          - { from: busybox, to: bin/busybox, mode: "0755" }
        scripts:
          - { to: bin/wget, content: "#!/tools/bin/busybox sh\\n" }
        links:
          - { to: bin/unzip, target: busybox }
        xz: { preset: 6 }
        """);
    ToolchainSpec read = ToolchainSpec.read(spec);
    assertEquals("demo-studio-stage1", read.name());
    assertEquals(dir.resolve("lfs/tools"), read.base().orElseThrow());
    assertEquals(
        new ToolchainSpec.CopiedFile(dir.resolve("busybox"), "bin/busybox", OptionalInt.of(0755)),
        read.files().get(0));
    assertEquals(0644, read.scripts().get(0).mode());
    assertEquals(new ToolchainSpec.Link("bin/unzip", "busybox"), read.links().get(0));
    assertEquals(6, read.xzPreset());
  }

  @Test
  void reportsEveryProblemAtOnceWithItsKeyAndValue() throws Exception {
    Files.writeString(dir.resolve("a"), "a");
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: "bad name"
        base: nowhere
        files:
          - { from: a, to: bin/a }
          - { from: missing, to: /etc/passwd }
          - { from: a, to: bin/a, mode: rwxr-xr-x, owner: root }
        scripts:
          - { to: ../escape, content: "x" }
        links:
          - { to: bin/up, target: ../../etc }
          - { to: bin/abs, target: /usr/bin/env }
        xz: { preset: 12 }
        compression: zstd
        """);
    SpecException e = assertThrows(SpecException.class, () -> ToolchainSpec.read(spec));
    assertEquals(
        List.of(
            "compression: unknown key (known here: base, files, links, name, scripts, xz)",
            "name: 'bad name' must be letters, digits, '.', '_' or '-'",
            "base: 'nowhere' is not a directory (" + dir.resolve("nowhere") + ")",
            "files[1].from: 'missing' does not exist (" + dir.resolve("missing") + ")",
            "files[1].to: '/etc/passwd' must be a clean path relative to tools/, like bin/busybox",
            "files[2].owner: unknown key (known here: from, mode, to)",
            "files[2].to: 'bin/a' is also the destination of files[0].to",
            "files[2].mode: 'rwxr-xr-x' must be an octal mode like \"0755\"",
            "scripts[0].to: '../escape' must be a clean path relative to tools/, like bin/busybox",
            "links[0].target: '../../etc' leads outside tools/ (" + HINT + ")",
            "links[1].target: '/usr/bin/env' leads outside tools/ (" + HINT + ")",
            "xz.preset: '12' must be a whole number from 0 to 9"),
        e.problems());
    assertEquals(spec + " has 12 problems:", e.getMessage().lines().findFirst().orElseThrow());
  }

  @Test
  void formatAndFileSystemProblemsComeInOneList() throws Exception {
    Files.createDirectories(dir.resolve("lfs/tools/bin"));
    Files.writeString(dir.resolve("lfs/tools/bin/sh"), "sh");
    Files.writeString(dir.resolve("busybox"), "bb");
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: demo
        base: lfs/tools
        files:
          - { from: missing, to: bin/x }
          - { from: busybox, to: bin/sh }
        xz: { preset: 12 }
        """);
    SpecException e = assertThrows(SpecException.class, () -> ToolchainSpec.read(spec));
    assertEquals(
        List.of(
            "files[0].from: 'missing' does not exist (" + dir.resolve("missing") + ")",
            "xz.preset: '12' must be a whole number from 0 to 9",
            "files[1].to: 'bin/sh' is also tools/bin/sh from base ("
                + dir.resolve("lfs/tools/bin/sh")
                + "); remove one of them"),
        e.problems());
  }

  @Test
  void unquotedModesAreOctalAsWrittenAndAQuotedPresetIsANumber() throws Exception {
    Files.writeString(dir.resolve("a"), "a");
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: demo
        files:
          - { from: a, to: bin/a, mode: 0755 }
          - { from: a, to: bin/b, mode: 640 }
        xz: { preset: "6" }
        """);
    ToolchainSpec read = ToolchainSpec.read(spec);
    assertEquals(OptionalInt.of(0755), read.files().get(0).mode());
    assertEquals(OptionalInt.of(0640), read.files().get(1).mode());
    assertEquals(6, read.xzPreset());
  }

  @Test
  void badNumbersAreQuotedAsWrittenNotAsYamlReadThem() throws Exception {
    Files.writeString(dir.resolve("a"), "a");
    Path spec =
        Files.writeString(
            dir.resolve("spec.yaml"),
            """
        name: demo
        files:
          - { from: a, to: bin/a, mode: 0855 }
        scripts:
          - { to: bin/s, mode: 017777, content: x }
        xz: { preset: 012 }
        """);
    SpecException e = assertThrows(SpecException.class, () -> ToolchainSpec.read(spec));
    assertEquals(
        List.of(
            "files[0].mode: '0855' must be an octal mode like \"0755\"",
            "scripts[0].mode: '017777' must be an octal mode like \"0755\"",
            "xz.preset: '012' must be a whole number from 0 to 9"),
        e.problems());
  }

  @Test
  void aSpecThatIsNotYamlSaysWhere() throws Exception {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "name: [unclosed\n");
    SpecException e = assertThrows(SpecException.class, () -> ToolchainSpec.read(spec));
    assertEquals(true, e.getMessage().startsWith(spec + ": not valid YAML"), e.getMessage());
  }
}
