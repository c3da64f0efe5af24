package kiln.orchestrator.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.resume.EntryKey;
import kiln.resume.HostEvent;

/**
 * What each build host is doing, for the live display's hosts line: the builds placed on it, or
 * that it is lost or quarantined. Fed by the progress events; not thread-safe (its display guards
 * it).
 */
public final class HostBoard {

  private final Map<String, List<EntryKey>> building = new LinkedHashMap<>();
  private final Map<String, HostEvent.Change> out = new LinkedHashMap<>();

  /** The run's hosts, in kiln.yaml's order: each shows from the start, idle until it builds. */
  public void hosts(List<String> names) {
    names.forEach(name -> building.computeIfAbsent(name, n -> new ArrayList<>()));
  }

  /** {@code key} builds on {@code host} now. */
  public void placed(EntryKey key, String host) {
    ended(key);
    building.computeIfAbsent(host, n -> new ArrayList<>()).add(key);
  }

  /** {@code key} no longer builds (finished, cut off or set aside). */
  public void ended(EntryKey key) {
    building.values().forEach(keys -> keys.remove(key));
  }

  /** A host was lost, rejoined or quarantined. */
  public void changed(HostEvent event) {
    building.computeIfAbsent(event.host(), n -> new ArrayList<>());
    if (event.change() == HostEvent.Change.REJOINED) {
      out.remove(event.host());
    } else {
      out.put(event.host(), event.change());
    }
  }

  /**
   * {@code e1: demo/zlib · e2: idle · doomed: lost}; empty when the run has no build hosts. A lost
   * host's builds were cut off, so only its state shows.
   */
  public Optional<String> line() {
    if (building.isEmpty()) {
      return Optional.empty();
    }
    List<String> each = new ArrayList<>();
    building.forEach(
        (host, keys) -> {
          HostEvent.Change change = out.get(host);
          String doing;
          if (change != null) {
            doing = change.id();
          } else if (keys.isEmpty()) {
            doing = "idle";
          } else {
            doing = String.join(", ", keys.stream().map(k -> k.ident().toString()).toList());
          }
          each.add(host + ": " + doing);
        });
    return Optional.of(String.join(" · ", each));
  }
}
