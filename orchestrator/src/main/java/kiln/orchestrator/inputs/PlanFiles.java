package kiln.orchestrator.inputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a plan's build is made from, as input parts: every file in the plan's folder ({@code
 * file:plan.sh}, {@code file:patches/x.patch}, ...), each file it sources from outside its folder
 * ({@code sourced:../common/plan.sh}), and its source's sha256 ({@code source}).
 *
 * <p>Sourced files are found by reading plan.sh for {@code source} and {@code .} lines whose path
 * is relative to the plan ({@code $PLAN_CONTEXT/...}, {@code ../x}): a path computed otherwise is
 * not seen, and its file's changes rebuild nothing until plan.sh itself changes.
 */
final class PlanFiles {

  private static final Pattern SOURCE =
      Pattern.compile(
          "^\\s*(?:source|\\.)\\s+[\"']?(?:\\$\\{?PLAN_CONTEXT\\}?/)?([^\"'\\s;&|]+)[\"']?",
          Pattern.MULTILINE);
  private static final Pattern SHASUM =
      Pattern.compile("^\\s*pkg_shasum=[\"']?([0-9a-fA-F]{64})", Pattern.MULTILINE);

  /** Between the facts of a plan.sh as the cache keeps them: a character no path holds. */
  private static final String SEPARATOR = "\u001f";

  private final FileDigests digests;

  PlanFiles(FileDigests digests) {
    this.digests = digests;
  }

  /** The parts of the plan in {@code dir}. */
  Map<String, String> parts(Path dir) throws IOException {
    Path home = dir.toAbsolutePath().normalize();
    Map<String, String> parts = new TreeMap<>();
    String planSha = null;
    List<Map.Entry<Path, BasicFileAttributes>> files = new ArrayList<>();
    try (Stream<Path> found =
        Files.find(
            home,
            Integer.MAX_VALUE,
            (path, attributes) -> {
              if (attributes.isRegularFile()) {
                files.add(Map.entry(path, attributes));
              }
              return false;
            })) {
      found.forEach(p -> {});
    }
    for (Map.Entry<Path, BasicFileAttributes> file : files) {
      String name = home.relativize(file.getKey()).toString().replace('\\', '/');
      if (name.startsWith(".git/")) {
        continue;
      }
      String sha = digests.sha256(file.getKey(), file.getValue());
      parts.put("file:" + name, sha);
      if (name.equals("plan.sh")) {
        planSha = sha;
      }
    }
    if (planSha != null) {
      String[] facts = facts(home, planSha).split(SEPARATOR, -1);
      if (!facts[0].isEmpty()) {
        parts.put("source", facts[0]);
      }
      for (int i = 1; i < facts.length; i++) {
        Path sourced = home.resolve(facts[i]).normalize();
        if (Files.isRegularFile(sourced)) {
          parts.put("sourced:" + facts[i], digests.sha256(sourced));
        }
      }
    }
    return parts;
  }

  /**
   * What plan.sh says about its inputs, read once per content: its pkg_shasum, then each file it
   * sources from outside its folder, relative to the folder; separated by {@link #SEPARATOR}.
   */
  private String facts(Path home, String planSha) throws IOException {
    String known = digests.derived(planSha);
    if (known != null) {
      return known;
    }
    String text = Files.readString(home.resolve("plan.sh"), StandardCharsets.UTF_8);
    StringBuilder facts = new StringBuilder();
    Matcher shasum = SHASUM.matcher(text);
    if (shasum.find()) {
      facts.append(shasum.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    for (String sourced : sourcedOutside(text)) {
      facts.append(SEPARATOR).append(sourced);
    }
    digests.derived(planSha, facts.toString());
    return facts.toString();
  }

  /** Paths plan.sh sources that leave its folder, as written (relative to the folder). */
  private static List<String> sourcedOutside(String planText) {
    List<String> outside = new ArrayList<>();
    Matcher m = SOURCE.matcher(planText);
    while (m.find()) {
      String given = m.group(1);
      if (given.contains("$") || given.startsWith("/") || given.contains(SEPARATOR)) {
        continue;
      }
      Path relative = Path.of(given).normalize();
      if (relative.startsWith("..") && !outside.contains(relative.toString())) {
        outside.add(relative.toString());
      }
    }
    return outside;
  }
}
