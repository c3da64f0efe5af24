package kiln.world.affected;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.world.Plan;

/**
 * Which plans a file is an input of: the plan whose folder holds it (the nearest one up, so a plan
 * folder inside another's belongs to itself), the plans that source it, and the plans whose files
 * name it by its path from the plan's folder ({@code $PLAN_CONTEXT/../gcc/fix.patch}: a shared
 * patch or script applied by a callback the reader does not run).
 */
final class PlanInputs {

  /** Why a file is an input of a plan. */
  record Touch(Plan plan, String how) {}

  static final String IN_FOLDER = "in its folder";

  private final List<Plan> plans;
  private final Map<Path, Plan> byFolder = new HashMap<>();
  private final Map<Path, List<Plan>> bySource = new HashMap<>();
  private final Map<Plan, List<String>> texts = new HashMap<>();

  PlanInputs(Collection<Plan> read) {
    this.plans = read.stream().filter(p -> !p.isMissing()).toList();
    for (Plan plan : plans) {
      byFolder.put(folder(plan), plan);
      plan.sources().forEach(s -> bySource.computeIfAbsent(s, f -> new ArrayList<>()).add(plan));
    }
  }

  static Path folder(Plan plan) {
    return plan.planFile().toAbsolutePath().normalize().getParent();
  }

  /** The plan whose folder is the nearest one holding {@code file} (or is it), or null. */
  Plan owner(Path file) {
    for (Path dir = file; dir != null; dir = dir.getParent()) {
      Plan plan = byFolder.get(dir);
      if (plan != null) {
        return plan;
      }
    }
    return null;
  }

  /** Every plan {@code file} is an input of, with why; the owner first. */
  List<Touch> touches(Path file) {
    List<Touch> touches = new ArrayList<>();
    Plan owner = owner(file);
    if (owner != null) {
      touches.add(new Touch(owner, IN_FOLDER));
    }
    for (Plan plan : bySource.getOrDefault(file, List.of())) {
      if (plan != owner) {
        touches.add(new Touch(plan, "sourced by it"));
      }
    }
    String name = file.getFileName().toString();
    for (Plan plan : plans) {
      if (plan == owner || bySource.getOrDefault(file, List.of()).contains(plan)) {
        continue;
      }
      String relative = folder(plan).relativize(file).toString();
      if (relative.startsWith("..") && names(plan, name, relative)) {
        touches.add(new Touch(plan, "named by it as " + relative));
      }
    }
    return touches;
  }

  private boolean names(Plan plan, String name, String relative) {
    for (String text : texts.computeIfAbsent(plan, PlanInputs::read)) {
      if (text.contains(name) && mentions(text, relative)) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code text} holds {@code path} not followed by more of a file name. */
  static boolean mentions(String text, String path) {
    for (int at = text.indexOf(path); at >= 0; at = text.indexOf(path, at + 1)) {
      int end = at + path.length();
      if (end == text.length() || !isNameChar(text.charAt(end))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+';
  }

  /** The plan's own file and the files it sources; a file that cannot be read names nothing. */
  private static List<String> read(Plan plan) {
    List<String> out = new ArrayList<>();
    List<Path> files = new ArrayList<>(List.of(plan.planFile()));
    files.addAll(plan.sources());
    for (Path file : files) {
      try {
        out.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      } catch (IOException e) {
        // Read a moment ago by the reader; gone now, it names nothing.
      }
    }
    return out;
  }
}
