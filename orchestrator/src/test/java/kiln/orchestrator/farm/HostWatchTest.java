package kiln.orchestrator.farm;

import static kiln.orchestrator.farm.FakeHosts.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The host watch: lost within 30 seconds, retried with a growing back-off, back when healthy. */
class HostWatchTest {

  final FakeHosts fake = new FakeHosts();
  final HostPool pool = fake.pool(host("e1", 2, 1), host("e2", 2, 1));
  final Placement places = pool.places(false);

  /** One turn of the watch, {@link HostPool#PING_EVERY} after the last. */
  void turn() {
    fake.clock.advance(HostPool.PING_EVERY);
    pool.check();
  }

  @Test
  void aHostThatStopsAnsweringIsLostWithinThirtySeconds() {
    turn();
    fake.stop("e2");
    Duration waited = Duration.ZERO;
    while (places.lost().isEmpty()) {
      turn();
      waited = waited.plus(HostPool.PING_EVERY);
      assertTrue(waited.compareTo(Duration.ofSeconds(30)) <= 0, "still not lost after " + waited);
    }
    assertEquals("lost", standing("e2"));
    assertEquals("up", standing("e1"));
  }

  @Test
  void oneMissedPingIsNotYetALoss() {
    fake.stop("e2");
    turn();
    fake.start("e2");
    turn();
    fake.stop("e2");
    turn();
    assertEquals(Set.of(), places.lost(), "misses must be in a row");
  }

  @Test
  void aLostHostIsAskedAgainLessAndLessOftenAndRejoinsWhenItAnswers() {
    fake.stop("e2");
    turn();
    turn(); // lost now
    assertEquals(Set.of("e2"), places.lost());
    int before = fake.pings.get("e2");
    // 5 s, then 10, 20, 40 s between retries: over 75 s of one-second turns, four retries
    for (int s = 0; s < 75; s++) {
      fake.clock.advance(Duration.ofSeconds(1));
      pool.check();
    }
    assertEquals(4, fake.pings.get("e2") - before, "retries at 5, 15, 35 and 75 s");
    fake.start("e2");
    for (int s = 0; s < 80 && standing("e2").equals("lost"); s++) {
      fake.clock.advance(Duration.ofSeconds(1));
      pool.check();
    }
    assertEquals("up", standing("e2"));
    assertEquals(
        List.of("e2 lost", "e2 rejoined"),
        places.hostChanges().stream().map(e -> e.host() + " " + e.change().id()).toList());
    List<String> claims = List.of(claim(), claim(), claim(), claim());
    assertTrue(claims.contains("e2"), "it takes builds again: " + claims);
  }

  @Test
  void aHostThatRejoinsIsToldOnceSoWhatItsLossLeftThereCanGo() {
    List<String> told = new java.util.ArrayList<>();
    pool.whenRejoined(told::add);
    fake.stop("e2");
    turn();
    turn(); // lost now
    turn();
    assertEquals(List.of(), told, "not while it is lost");
    fake.start("e2");
    for (int s = 0; s < 80 && standing("e2").equals("lost"); s++) {
      fake.clock.advance(Duration.ofSeconds(1));
      pool.check();
    }
    turn();
    assertEquals(List.of("e2"), told);
  }

  private String claim() {
    Optional<String> c = places.claim();
    return c.orElse("-");
  }

  private String standing(String name) {
    return pool.standings().stream()
        .filter(s -> s.host().name().equals(name))
        .findFirst()
        .orElseThrow()
        .state();
  }
}
