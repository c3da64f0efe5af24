package kiln.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Small worlds written as text: one plan a line, {@code name: dep dep}. A name without a slash is
 * in origin core; a dependency with no line of its own has no plan. Each dependency is declared at
 * the fixture's file and line, so reports can be checked against it.
 */
final class TextWorld {

  private TextWorld() {}

  static List<Plan> load(String fixture) {
    try {
      Path file =
          Path.of(
              Objects.requireNonNull(TextWorld.class.getResource("/worlds/" + fixture)).toURI());
      return parse(Files.readString(file), Path.of("worlds", fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Plan> parse(String text, Path file) {
    List<Plan> plans = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      PackageIdent ident = ident(line.substring(0, colon).strip());
      List<Dependency> deps = new ArrayList<>();
      for (String dep : line.substring(colon + 1).strip().split("\\s+")) {
        if (!dep.isEmpty()) {
          deps.add(new Dependency(ident(dep), DepKind.RUN, new SourceLocation(file, i + 1)));
        }
      }
      String path = "plans/" + ident.name() + "/plan.sh";
      plans.add(new Plan(ident, null, path, Path.of(path), deps));
    }
    return plans;
  }

  static PackageIdent ident(String name) {
    return name.contains("/") ? PackageIdent.parse(name) : PackageIdent.of("core", name);
  }

  static List<String> names(List<Plan> plans) {
    return plans.stream()
        .map(p -> p.ident().origin().equals("core") ? p.ident().name() : p.ident().toString())
        .toList();
  }
}
