package kiln.orchestrator.farm;

import static kiln.orchestrator.farm.FakeHosts.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kiln.resume.HostEvent;
import org.junit.jupiter.api.Test;

/** A host that fails what the others build is taken out of the run, with a message naming it. */
class QuarantineTest {

  final FakeHosts fake = new FakeHosts();
  final HostPool pool = fake.pool(host("good", 1, 1), host("broken", 1, 1));
  final Placement places = pool.places(false);

  /** A build on {@code host} ended after {@code took}, its engine still answering. */
  void ends(String host, boolean built, Duration took) {
    pool.finished(host, built, took);
  }

  @Test
  void aHostThatFailsEveryBuildInSecondsIsQuarantined() {
    ends("good", true, Duration.ofMinutes(1));
    ends("broken", false, Duration.ofSeconds(2));
    ends("broken", false, Duration.ofSeconds(1));
    assertEquals(Set.of(), places.quarantined(), "two quick failures may be the plans'");
    ends("broken", false, Duration.ofSeconds(3));
    assertEquals(Set.of("broken"), places.quarantined());
    HostEvent quarantined = places.hostChanges().get(0);
    assertEquals("broken", quarantined.host());
    assertEquals(HostEvent.Change.QUARANTINED, quarantined.change());
    assertTrue(
        quarantined
            .reason()
            .startsWith("its last 3 builds all failed within 10s or could not start"),
        quarantined.reason());
    assertEquals(Optional.of("good"), places.claim());
    assertEquals(Optional.empty(), places.claim(), "the quarantined host takes nothing");
  }

  @Test
  void aHostWhoseStudioCannotRunBuildsIsQuarantinedNotLostAndRejoinedOverAndOver() {
    HostPool pools = fake.pool(host("good", 1, 1), host("broken", 1, 2));
    Placement on = pools.places(false);
    for (int i = 1; i <= 3; i++) {
      assertEquals(Optional.of("broken"), on.claim(), "build " + i + " goes to the fastest");
      // its engine answers, but no container starts there: the build comes back with no outcome
      assertTrue(on.release("broken", Optional.empty(), Duration.ofSeconds(30)), "queued again");
      fake.clock.advance(HostHealth.FIRST_RETRY);
      pools.check(); // a lost host that answers rejoins
    }
    assertEquals(Set.of("broken"), on.quarantined());
    List<HostEvent> changes = on.hostChanges();
    HostEvent last = changes.get(changes.size() - 1);
    assertEquals("broken QUARANTINED", last.host() + " " + last.change(), changes.toString());
    assertTrue(
        last.reason().contains("last 3 builds all failed within 10s or could not start"),
        last.reason());
    fake.clock.advance(HostHealth.LONGEST_RETRY);
    pools.check();
    assertEquals(Optional.of("good"), on.claim());
    assertEquals(Optional.empty(), on.claim(), "the quarantined host takes nothing, answering");
  }

  @Test
  void aHostWhoseStudioCannotRunIsQuarantinedAtItsThirdBuildWithoutWaitingForRetries() {
    // on a quick machine a run can end before a lost host's retries come round: a host whose
    // engine answers stays up, so its next builds come at once and tell that it is broken
    HostPool pools = fake.pool(host("good", 1, 1), host("broken", 1, 2));
    Placement on = pools.places(false);
    for (int i = 1; i <= 3; i++) {
      assertEquals(Optional.of("broken"), on.claim(), "build " + i + " goes to the fastest");
      assertTrue(on.release("broken", Optional.empty(), Duration.ofSeconds(1)), "queued again");
    }
    assertEquals(Set.of("broken"), on.quarantined());
    assertEquals(Set.of(), on.lost(), "its engine answered throughout");
    assertEquals(Optional.of("good"), on.claim());
  }

  @Test
  void theLastUsableHostWhoseStudioCannotRunBuildsIsLostNotQuarantined() {
    Placement alone = fake.pool(host("only", 1, 1)).places(false);
    for (int i = 0; i < 3; i++) {
      alone.claim();
      assertTrue(alone.release("only", Optional.empty(), Duration.ofSeconds(1)));
      fake.clock.advance(HostHealth.FIRST_RETRY);
    }
    assertEquals(Set.of(), alone.quarantined());
    assertEquals(Set.of("only"), alone.lost(), "asked again later; the run stops meanwhile");
  }

  @Test
  void slowFailuresInARowAreThePlansNotTheHosts() {
    for (int i = 0; i < 3; i++) {
      ends("broken", false, Duration.ofMinutes(5));
    }
    assertEquals(Set.of(), places.quarantined());
  }

  @Test
  void aHostFailingFarMoreOftenThanTheOthersIsQuarantined() {
    for (int i = 0; i < 6; i++) {
      ends("good", i != 0, Duration.ofMinutes(1));
      ends("broken", i % 3 == 0, Duration.ofMinutes(1));
    }
    assertEquals(Set.of("broken"), places.quarantined());
    assertEquals(
        "it failed 4 of its 6 builds, the other hosts 1 of 6",
        places.hostChanges().get(0).reason());
  }

  @Test
  void theLastUsableHostIsNeverQuarantined() {
    fake.stop("good");
    pool.check();
    pool.check();
    for (int i = 0; i < 5; i++) {
      ends("broken", false, Duration.ofSeconds(1));
    }
    assertEquals(Set.of(), places.quarantined(), "its failures are the plans' own");
  }
}
