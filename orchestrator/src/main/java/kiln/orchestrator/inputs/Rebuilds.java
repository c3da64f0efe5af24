package kiln.orchestrator.inputs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiln.resume.Artifact;
import kiln.resume.BuildInputs;
import kiln.resume.EntryKey;
import kiln.resume.EntryState;
import kiln.resume.EntryStatus;
import kiln.resume.StageEntry;
import kiln.resume.StageState;
import kiln.resume.StageWork;
import kiln.world.IoFailures;

/**
 * Which entries of a stage a run builds, and why: what was never built, failed, was skipped or cut
 * off; what was built but whose inputs changed since; and, following the stage's edges in order,
 * whatever depends on an entry that is built again. An entry built from the same inputs is kept.
 *
 * <p>An entry built by a kiln that recorded no inputs is kept: its inputs cannot be compared, and
 * rebuilding a whole world after an upgrade of kiln would surprise more than it would help.
 */
public final class Rebuilds {

  private Rebuilds() {}

  /**
   * Why each entry that will be built will be, in the stage's order; entries not named are kept.
   * Entries the user set aside are not named (they stay aside).
   *
   * @param gone built entries whose artifact is missing or changed in the results folder
   */
  public static Map<EntryKey, String> reasons(
      StageWork work, StageState recorded, EntryInputs inputs, Set<EntryKey> gone) {
    Map<EntryKey, String> reasons = new LinkedHashMap<>();
    for (StageEntry entry : work.entries()) {
      EntryKey key = entry.key();
      EntryState state = recorded.entry(key);
      String reason =
          state.status() == EntryStatus.BUILT
              ? whyAgain(entry, state, recorded, inputs, gone, reasons).orElse(null)
              : whyNotBuilt(state);
      if (reason != null) {
        reasons.put(key, reason);
      }
    }
    return reasons;
  }

  private static Optional<String> whyAgain(
      StageEntry entry,
      EntryState state,
      StageState recorded,
      EntryInputs inputs,
      Set<EntryKey> gone,
      Map<EntryKey, String> reasons) {
    if (gone.contains(entry.key())) {
      return Optional.of("artifact missing or changed");
    }
    List<String> rebuiltDeps =
        entry.deps().stream().filter(reasons::containsKey).map(EntryKey::toString).toList();
    if (!rebuiltDeps.isEmpty()) {
      return Optional.of("dependency rebuilt: " + String.join(", ", rebuiltDeps));
    }
    Optional<BuildInputs> was = state.inputsIfRecorded();
    if (was.isEmpty()) {
      return Optional.empty();
    }
    Map<EntryKey, Artifact> deps = new HashMap<>();
    for (EntryKey dep : entry.deps()) {
      recorded.entry(dep).artifactIfBuilt().ifPresent(a -> deps.put(dep, a));
    }
    Optional<BuildInputs> now;
    try {
      now = inputs.of(entry, deps);
    } catch (IOException e) {
      return Optional.of(IoFailures.message("cannot read its plan's files", e));
    }
    if (now.isEmpty() || now.get().digest().equals(was.get().digest())) {
      return Optional.empty();
    }
    return Optional.of(describe(now.get(), was.get()));
  }

  private static String whyNotBuilt(EntryState state) {
    return switch (state.status()) {
      case FAILED -> "failed before";
      case TIMED_OUT -> "timed out before";
      case SKIPPED -> state.skippedByUser() ? null : "skipped before: " + state.reason();
      case BUILDING -> "cut off while building";
      case QUEUED ->
          state.reason() != null
              ? state.reason()
              : state.attemptCount() == 0 ? "never built" : "queued again";
      case BUILT -> throw new IllegalArgumentException("a built entry has its own reasons");
    };
  }

  /** The changed parts in words: {@code changed: plan.sh, new patch: x.patch}. */
  static String describe(BuildInputs now, BuildInputs was) {
    List<String> words = new ArrayList<>();
    List<String> deps = new ArrayList<>();
    for (String part : now.changedSince(was)) {
      boolean added = !was.parts().containsKey(part);
      boolean removed = !now.parts().containsKey(part);
      int colon = part.indexOf(':');
      String kind = colon < 0 ? part : part.substring(0, colon);
      String name = colon < 0 ? "" : part.substring(colon + 1);
      switch (kind) {
        case "file", "sourced" -> words.add(fileWords(name, added, removed));
        case "dep" -> deps.add(name);
        case "studio" ->
            words.add("studio changed: " + (name.equals("tools") ? "tools tarball" : name));
        case "var" -> words.add("setting changed: " + name);
        case "source" -> words.add("source changed");
        case "program" -> words.add("plan build program changed");
        default -> words.add("changed: " + part);
      }
    }
    if (!deps.isEmpty()) {
      words.add("dependency rebuilt: " + String.join(", ", deps));
    }
    return String.join(", ", words);
  }

  private static String fileWords(String name, boolean added, boolean removed) {
    String what = name.endsWith(".patch") || name.endsWith(".diff") ? "patch" : "file";
    if (added) {
      return "new " + what + ": " + name;
    }
    return removed ? "removed " + what + ": " + name : "changed: " + name;
  }
}
