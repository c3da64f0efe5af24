package kiln.orchestrator.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.orchestrator.PipelineParts.Problem;
import kiln.resume.StageName;
import kiln.stages.artifact.HartWriter;
import kiln.stages.artifact.OriginKeys;
import kiln.stages.artifact.Packages;
import kiln.stages.artifact.SecretSigningKey;
import kiln.world.PackageIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check after stage2 on real signed artifacts holding real programs: the ELF fixtures are
 * hello-world linked by gcc with a /tools interpreter, a /tools/lib runpath, a bare /tools runpath,
 * and plainly (resources kiln/orchestrator/parts/elf, made by make.sh there).
 */
class NoToolsAfterStage2Test {

  @TempDir Path dir;
  SecretSigningKey key;
  final NoToolsAfterStage2 check = new NoToolsAfterStage2();

  @BeforeEach
  void key() throws Exception {
    OriginKeys keys = OriginKeys.in(dir.resolve("keys"));
    keys.generate("t");
    key = keys.latestSigningKey("t");
  }

  @Test
  void anElfWhoseInterpreterIsUnderToolsIsNamedAsSuch() throws Exception {
    Path hart = hart("glibc", Map.of("bin/hello", elf("interp-tools")));
    assertEquals(
        List.of(
            "refers to /tools: /hab/pkgs/t/glibc/1.0/20260101000000/bin/hello (ELF interpreter):"
                + " /tools/lib/ld-linux-x86-64.so.2"),
        whatIsFound(hart));
  }

  @Test
  void anElfWithARunpathOfToolsLibOrOfBareToolsIsFound() throws Exception {
    Path lib = hart("gcc", Map.of("bin/hello", elf("runpath-tools")));
    assertEquals(
        List.of(
            "refers to /tools: /hab/pkgs/t/gcc/1.0/20260101000000/bin/hello"
                + " (ELF: rpath, runpath or another string): /tools/lib"),
        whatIsFound(lib));
    Path bare = hart("make", Map.of("bin/hello", elf("rpath-bare-tools")));
    assertEquals(
        List.of(
            "refers to /tools: /hab/pkgs/t/make/1.0/20260101000000/bin/hello"
                + " (ELF: rpath, runpath or another string): /tools"),
        whatIsFound(bare));
  }

  @Test
  void aShebangAndATextMentioningToolsAreFoundBareOrNot() throws Exception {
    Path hart =
        hart(
            "bash",
            Map.of(
                "bin/ldd", text("#!/tools/bin/bash\necho hi\n"),
                "bin/run", text("#!/tools\n"),
                "etc/profile", text("export PATH=/usr/bin:/tools/bin\n"),
                "etc/paths", text("PATH=/bin:/tools\n")));
    List<String> found = whatIsFound(hart);
    String prefix = "refers to /tools: /hab/pkgs/t/bash/1.0/20260101000000/";
    assertTrue(found.contains(prefix + "bin/ldd (script): #!/tools/bin/bash"), found.toString());
    assertTrue(found.contains(prefix + "bin/run (script): #!/tools"), found.toString());
    assertTrue(
        found.contains(prefix + "etc/profile (file): export PATH=/usr/bin:/tools/bin"),
        found.toString());
    assertTrue(found.contains(prefix + "etc/paths (file): PATH=/bin:/tools"), found.toString());
    assertEquals(4, found.size(), found.toString());
  }

  @Test
  void aCleanArtifactPassesAndLookalikesAreNotTools() throws Exception {
    Path hart =
        hart(
            "clean",
            Map.of(
                "bin/hello", elf("clean"),
                "share/doc", text("see /usr/tools/x, /toolsmith and $ORIGIN/../tools\n"),
                "bin/tools", text("#!/hab/pkgs/t/tools/1/2/bin/sh\n")));
    assertEquals(List.of(), check.problems(StageName.STAGE2, List.of(hart)));
  }

  @Test
  void linksToHostsNamedToolsInAnInfoPageAreNotReferences() throws Exception {
    // An info page as GNU packages install them: RFC links on tools.ietf.org, a download folder.
    Path hart =
        hart(
            "gzip",
            Map.of(
                "share/info/gzip.info",
                text(
                    "File: gzip.info\n\nSee RFC 1952 <https://tools.ietf.org/html/rfc1952>"
                        + " and //tools.ietf.org/rfc/rfc1951.txt, or\n"
                        + "ftp://ftp.example.org/pub/tools/gzip.tar.gz.\n")));
    assertEquals(List.of(), check.problems(StageName.STAGE2, List.of(hart)));
  }

  @Test
  void onlyStage2IsChecked() throws Exception {
    Path hart = hart("glibc", Map.of("bin/hello", elf("interp-tools")));
    assertEquals(List.of(), check.problems(StageName.STAGE1, List.of(hart)));
  }

  private List<String> whatIsFound(Path hart) throws Exception {
    List<Problem> problems = check.problems(StageName.STAGE2, List.of(hart));
    problems.forEach(p -> assertEquals(hart, p.artifact()));
    return problems.stream().map(Problem::what).toList();
  }

  private static byte[] elf(String name) throws Exception {
    try (InputStream in =
        NoToolsAfterStage2Test.class.getResourceAsStream("/kiln/orchestrator/parts/elf/" + name)) {
      return in.readAllBytes();
    }
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A real signed artifact of {@code t/<name>/1.0/20260101000000} holding these files. */
  private Path hart(String name, Map<String, byte[]> files) throws Exception {
    PackageIdent ident = PackageIdent.parse("t/" + name + "/1.0/20260101000000");
    Path root = dir.resolve("staging-" + name);
    Path prefix = Packages.prefix(root, ident);
    Files.createDirectories(prefix);
    Files.writeString(prefix.resolve("IDENT"), ident.toString());
    Files.writeString(prefix.resolve("TARGET"), "x86_64-linux");
    for (Map.Entry<String, byte[]> file : new LinkedHashMap<>(files).entrySet()) {
      Path to = prefix.resolve(file.getKey());
      Files.createDirectories(to.getParent());
      Files.write(to, file.getValue());
    }
    return new HartWriter(key, Optional.empty())
        .write(root, ident, "x86_64-linux", dir.resolve("results"));
  }
}
