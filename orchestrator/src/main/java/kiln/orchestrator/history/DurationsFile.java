package kiln.orchestrator.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.world.PackageIdent;

/**
 * A file of {@code origin/name seconds} lines (blank lines and {@code #} comments pass), the
 * durations {@code kiln estimate --durations} simulates with. Every bad line is reported at once.
 */
public final class DurationsFile {

  private DurationsFile() {}

  /**
   * @throws IOException when the file cannot be read, or names each bad line with its number
   */
  public static Map<PackageIdent, Double> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<PackageIdent, Double> seconds = new LinkedHashMap<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      String[] words = line.split("\\s+");
      if (words.length != 2) {
        bad.add(where + "expected 'origin/name seconds', found '" + line + "'");
        continue;
      }
      try {
        PackageIdent ident = PackageIdent.parse(words[0]).originAndName();
        double s = Double.parseDouble(words[1]);
        if (!(s >= 0) || Double.isInfinite(s)) {
          bad.add(where + "seconds are a number of 0 or more, not '" + words[1] + "'");
        } else {
          seconds.put(ident, s);
        }
      } catch (NumberFormatException e) {
        bad.add(where + "seconds are a number of 0 or more, not '" + words[1] + "'");
      } catch (IllegalArgumentException e) {
        bad.add(where + e.getMessage());
      }
    }
    if (!bad.isEmpty()) {
      throw new IOException(String.join("\n", bad));
    }
    return seconds;
  }
}
