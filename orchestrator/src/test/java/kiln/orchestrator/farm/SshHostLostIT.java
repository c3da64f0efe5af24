package kiln.orchestrator.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import kiln.testing.Processes;
import kiln.testing.TestEngines;
import kiln.testing.TestSshd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build host reached over ssh, against a real sshd of the test's own forwarding to one of
 * bin/engines' engines: when sshd dies (connections and all) the host watch finds the host lost
 * with ssh's reason; when sshd is back, the next retry opens a new tunnel and the host rejoins.
 */
class SshHostLostIT {

  @TempDir Path dir;

  @Test
  void aHostWhoseSshdDiesIsLostAndRejoinsThroughANewTunnelWhenSshdIsBack() throws Exception {
    String engine = TestEngines.endpoints(1).get(0).getPath();
    Path tunnels = dir.resolve("tunnels");
    FakeHosts.MovableClock clock = new FakeHosts.MovableClock();
    try (TestSshd sshd = TestSshd.start(dir.resolve("sshd"));
        EngineLinks links = new EngineLinks(tunnels)) {
      HostSpec far = far(sshd, engine);
      HostPool pool = new HostPool(List.of(far), links, clock);
      Placement places = pool.places(false);
      pool.check();
      assertEquals("up", standing(pool), pool.standings().toString());
      List<Long> first = TestSshd.tunnelsFrom(tunnels);
      assertEquals(1, first.size(), "one tunnel: " + first);

      sshd.kill();
      assertTrue(
          Processes.endsWithin(first.get(0), Duration.ofSeconds(20)),
          "the tunnel's ssh outlived the sshd it was connected to");
      for (int i = 0; i < HostPool.MISSES_ALLOWED; i++) {
        clock.advance(HostPool.PING_EVERY);
        pool.check();
      }
      assertEquals(Set.of("far"), places.lost());
      assertEquals("lost", standing(pool));
      String why = pool.standings().get(0).why();
      assertTrue(why.contains("Connection refused"), "ssh's own reason: " + why);
      assertTrue(why.contains("cannot reach build host far"), why);

      sshd.restart();
      clock.advance(HostHealth.FIRST_RETRY);
      pool.check();
      assertEquals("up", standing(pool), pool.standings().toString());
      assertEquals(
          List.of("far lost", "far rejoined"),
          places.hostChanges().stream().map(c -> c.host() + " " + c.change().id()).toList(),
          "the changes the scheduler records");
      List<Long> second = TestSshd.tunnelsFrom(tunnels);
      assertEquals(1, second.size(), "one tunnel again: " + second);
      assertNotEquals(first, second, "a new tunnel");
      assertEquals(Optional.empty(), links.problem(far), "the engine answers through it");
      pool.close();
    }
    assertEquals(List.of(), TestSshd.tunnelsFrom(tunnels), "ssh left running after close");
    try (Stream<Path> left = Files.list(tunnels)) {
      assertEquals(List.of(), left.toList(), "sockets or logs left after close");
    }
  }

  @Test
  void aTunnelLeftRunningByAKilledKilnIsEndedByTheNextOneToThatHost() throws Exception {
    String engine = TestEngines.endpoints(1).get(0).getPath();
    Path tunnels = Files.createDirectories(dir.resolve("tunnels"));
    try (TestSshd sshd = TestSshd.start(dir.resolve("sshd"))) {
      HostSpec far = far(sshd, engine);
      // what a kiln killed with SIGKILL leaves: its tunnel, named after a process that is gone
      long gone = ProcessHandle.current().pid() + 4_000_000;
      assertTrue(ProcessHandle.of(gone).isEmpty());
      Process left =
          new ProcessBuilder(
                  "ssh",
                  "-nNT",
                  "-p",
                  Integer.toString(sshd.port()),
                  "-i",
                  sshd.identity().toString(),
                  "-o",
                  "UserKnownHostsFile=" + sshd.knownHosts(),
                  "-o",
                  "BatchMode=yes",
                  "-L",
                  tunnels.resolve("far-" + gone + ".sock") + ":" + engine,
                  sshd.user() + "@127.0.0.1")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (!Files.exists(tunnels.resolve("far-" + gone + ".sock"))) {
        assertTrue(
            left.isAlive() && System.nanoTime() < deadline, "the left-over tunnel did not open");
        Thread.sleep(50);
      }
      try (EngineLinks links = new EngineLinks(tunnels)) {
        assertEquals(Optional.empty(), links.problem(far));
        assertTrue(
            Processes.endsWithin(left.pid(), Duration.ofSeconds(5)), "the left-over still runs");
        assertEquals(1, TestSshd.tunnelsFrom(tunnels).size(), "only the new tunnel");
        assertTrue(!Files.exists(tunnels.resolve("far-" + gone + ".sock")), "its socket is gone");
      } finally {
        left.destroyForcibly();
      }
    }
  }

  /** The host "far": {@code engine} behind {@code sshd}, logged in to with the test's key. */
  private static HostSpec far(TestSshd sshd, String engine) {
    HostEndpoint.SshKeys keys =
        new HostEndpoint.SshKeys(Optional.of(sshd.identity()), Optional.of(sshd.knownHosts()));
    return new HostSpec(
        "far", new HostEndpoint.Ssh(sshd.user(), "127.0.0.1", sshd.port(), engine, keys), 1, 1);
  }

  private static String standing(HostPool pool) {
    return pool.standings().get(0).state();
  }
}
