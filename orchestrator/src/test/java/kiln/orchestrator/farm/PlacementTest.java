package kiln.orchestrator.farm;

import static kiln.orchestrator.farm.FakeHosts.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kiln.orchestrator.BuildOutcome;
import kiln.resume.HostEvent;
import org.junit.jupiter.api.Test;

/** Where builds go: the most urgent to the fastest free host, one at a time in ordered stages. */
class PlacementTest {

  final FakeHosts fake = new FakeHosts();

  @Test
  void theMostUrgentBuildGoesToTheFastestFreeHostThenTheNextFastest() {
    Placement places =
        fake.pool(host("slow", 2, 1), host("fast", 1, 4), host("mid", 1, 2)).places(false);
    List<String> claims = new ArrayList<>();
    for (Optional<String> c = places.claim(); c.isPresent(); c = places.claim()) {
      claims.add(c.get());
    }
    assertEquals(List.of("fast", "mid", "slow", "slow"), claims, "in the scheduler's order");
    assertEquals(4, places.capacity(), "every host's jobs");
    places.release("mid", Optional.of(BuildOutcome.failed("exit code 1")), Duration.ofMinutes(3));
    assertEquals(Optional.of("mid"), places.claim(), "a freed slot is taken again");
  }

  @Test
  void equallyFastHostsAreTakenInTheirKilnYamlOrder() {
    Placement places = fake.pool(host("b", 1, 1), host("a", 1, 1)).places(false);
    assertEquals(Optional.of("b"), places.claim());
    assertEquals(Optional.of("a"), places.claim());
  }

  @Test
  void anOrderedStageBuildsOneAtATimeOnTheFastestHost() {
    Placement places = fake.pool(host("e1", 4, 1), host("e2", 4, 3)).places(true);
    assertEquals(1, places.capacity());
    assertEquals(Optional.of("e2"), places.claim());
    assertEquals(Optional.empty(), places.claim(), "stage1 and stage2 build one at a time");
  }

  @Test
  void aFailedBuildWhoseHostNoLongerAnswersIsNoVerdictAndTheHostIsLost() {
    HostPool pool = fake.pool(host("e1", 1, 1), host("e2", 1, 1));
    Placement places = pool.places(false);
    assertEquals(Optional.of("e1"), places.claim());
    fake.stop("e1");
    assertTrue(
        places.release("e1", Optional.of(BuildOutcome.failed("cannot start")), Duration.ZERO),
        "requeue it");
    assertEquals(Set.of("e1"), places.lost());
    assertEquals(Set.of(), places.lost(), "told once");
    assertEquals(Optional.of("e2"), places.claim());
    assertEquals(Optional.empty(), places.claim(), "the lost host takes nothing");
    HostEvent lost = places.hostChanges().get(0);
    assertEquals(
        "e1 lost: no Docker engine answers at e1",
        lost.host() + " " + lost.change().id() + ": " + lost.reason());
  }

  @Test
  void aFailedBuildOnAHostThatAnswersIsThePlansFailure() {
    Placement places = fake.pool(host("e1", 1, 1)).places(false);
    places.claim();
    assertFalse(
        places.release("e1", Optional.of(BuildOutcome.failed("exit 1")), Duration.ofMinutes(2)));
    assertEquals(Set.of(), places.lost());
  }

  @Test
  void noHostUpStopsTheRunWithEachHostsReason() {
    HostPool pool = fake.pool(host("e1", 1, 1), host("e2", 1, 1));
    Placement places = pool.places(false);
    assertEquals(Optional.empty(), places.noneUsable());
    fake.stop("e1");
    fake.stop("e2");
    pool.check();
    pool.check();
    String why = places.noneUsable().orElseThrow();
    assertTrue(why.contains("e1: no Docker engine answers at e1"), why);
    assertTrue(why.contains("run `kiln bootstrap` again"), why);
  }
}
