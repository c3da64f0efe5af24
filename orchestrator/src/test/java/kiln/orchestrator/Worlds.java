package kiln.orchestrator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kiln.resume.EntryKey;
import kiln.resume.StageEntry;
import kiln.resume.StageName;
import kiln.resume.StageWork;

/**
 * Small worlds written as text, one entry per line in build order: {@code name [VAR=value...] : dep
 * dep}. Plans are in origin {@code t}; a dep names the latest earlier entry of that name.
 */
public final class Worlds {

  private Worlds() {}

  public static StageWork world(String text) {
    return parse(StageName.STAGE3, text, false);
  }

  public static StageWork baseList(StageName stage, String text) {
    return parse(stage, text, true);
  }

  public static StageWork parse(StageName stage, String text, boolean ordered) {
    List<StageEntry> entries = new ArrayList<>();
    Map<String, EntryKey> latest = new HashMap<>();
    for (String line : text.strip().split("\n")) {
      String[] sides = line.split(":", -1);
      EntryKey key = key(sides[0].strip());
      Set<EntryKey> deps = new TreeSet<>();
      if (sides.length > 1) {
        for (String dep : sides[1].strip().split("\\s+")) {
          if (!dep.isEmpty()) {
            deps.add(latest.get(dep));
          }
        }
      }
      entries.add(new StageEntry(key, "plans/" + key.ident().name(), deps));
      latest.put(key.ident().name(), key);
    }
    return new StageWork(stage, entries, ordered);
  }

  public static EntryKey key(String nameAndArgs) {
    return EntryKey.parse("t/" + nameAndArgs);
  }
}
