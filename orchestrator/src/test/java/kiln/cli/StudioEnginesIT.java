package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import kiln.cli.StudioCommandIT.Result;
import kiln.testing.TestEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln studio list|rm --engine ...}: kiln's images and studios on several engines. */
class StudioEnginesIT {

  @TempDir Path tmp;

  @Test
  void listAndRmWorkAcrossEngines() throws Exception {
    List<URI> engines = TestEngines.endpoints(2);
    String tag = "kiln-studio-base:unused-" + UUID.randomUUID().toString().substring(0, 8);
    build(engines.get(1), tag);
    String e1 = engines.get(0).toString();
    String e2 = engines.get(1).toString();

    Result list = StudioCommandIT.kiln("", "studio", "list", "--engine", e1, "--engine", e2);

    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("image " + tag + " base "), list.out());
    assertTrue(
        list.out().lines().filter(l -> l.contains(tag)).allMatch(l -> l.endsWith("engine=" + e2)),
        list.out());

    Result rm =
        StudioCommandIT.kiln("", "studio", "rm", "--images", "--engine", e1, "--engine", e2);

    assertEquals(0, rm.code(), rm.err());
    assertTrue(rm.out().contains("removed image " + tag + " on " + e2), rm.out());
    Result after = StudioCommandIT.kiln("", "studio", "list", "--engine", e2);
    assertFalse(after.out().contains(tag), after.out());
  }

  @Test
  void anEngineThatDoesNotAnswerIsNamed() throws Exception {
    String dead = "unix://" + tmp.resolve("no-engine.sock");

    Result list = StudioCommandIT.kiln("", "studio", "list", "--engine", dead);

    assertTrue(list.code() != 0);
    assertTrue(list.err().contains(dead), list.err());
  }

  /** An unused image named and labelled as kiln's studio images are, on one engine. */
  private void build(URI engine, String tag) throws Exception {
    Path context = Files.createDirectories(tmp.resolve("context"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nADD f /\n");
    Files.writeString(context.resolve("f"), tag);
    ProcessBuilder docker =
        new ProcessBuilder(
                "docker",
                "-H",
                engine.toString(),
                "build",
                "-q",
                "--label",
                "dev.kiln.image=base",
                "-t",
                tag,
                context.toString())
            .redirectErrorStream(true);
    docker.environment().put("DOCKER_BUILDKIT", "0");
    Process p = docker.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }
}
