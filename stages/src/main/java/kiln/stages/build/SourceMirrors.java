package kiln.stages.build;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Source mirrors: folders (and URLs) holding source files by name, consulted before a plan's own
 * pkg_source, as poudriere's distfiles cache and BitBake's premirrors are. A file found there is
 * taken only when its sha256 is the plan's pkg_shasum, so a mirror can never change what a build is
 * made from; without a pkg_shasum there is nothing to check it against, and mirrors are not used.
 *
 * @param folders local folders, looked in first (no network needed)
 * @param urls http(s) base URLs; {@code BASE/FILENAME} is fetched when the network is allowed
 */
public record SourceMirrors(List<Path> folders, List<URI> urls) {

  /** No mirrors: every source comes from its own URL. */
  public static final SourceMirrors NONE = new SourceMirrors(List.of(), List.of());

  public SourceMirrors {
    folders = List.copyOf(folders);
    urls = List.copyOf(urls);
  }

  /**
   * Mirrors from texts as kiln.yaml's {@code sources} or {@code --sources} give them: an http or
   * https URL, or a folder (relative ones against {@code base}).
   *
   * @throws IllegalArgumentException naming an entry that is a URL of another kind
   */
  public static SourceMirrors parse(List<String> entries, Path base) {
    List<Path> folders = new ArrayList<>();
    List<URI> urls = new ArrayList<>();
    for (String entry : entries) {
      String scheme = entry.contains("://") ? entry.substring(0, entry.indexOf("://")) : "";
      switch (scheme.toLowerCase(Locale.ROOT)) {
        case "" -> folders.add(base.resolve(entry).toAbsolutePath().normalize());
        case "file" -> folders.add(Path.of(URI.create(entry)));
        case "http", "https" -> urls.add(URI.create(entry.endsWith("/") ? entry : entry + "/"));
        default ->
            throw new IllegalArgumentException(
                "source mirror '" + entry + "': expected a folder or an http(s) URL");
      }
    }
    return new SourceMirrors(folders, urls);
  }

  /** Whether there is no mirror at all. */
  public boolean isEmpty() {
    return folders.isEmpty() && urls.isEmpty();
  }

  /**
   * The file of that name in the first folder that holds it with the right sha256.
   *
   * @param rejected where a same-named file with another sha256 is told (one line each)
   */
  Optional<Path> find(String filename, String sha256, List<String> rejected) throws IOException {
    for (Path folder : folders) {
      Path candidate = folder.resolve(filename);
      if (Files.isRegularFile(candidate)) {
        String computed = SourceCache.sha256Of(candidate);
        if (computed.equals(sha256)) {
          return Optional.of(candidate);
        }
        rejected.add(candidate + " has sha256 " + computed);
      }
    }
    return Optional.empty();
  }

  /** The URLs a file of that name would have on the URL mirrors. */
  List<String> urlsOf(String filename) {
    return urls.stream().map(base -> base.resolve(filename).toString()).toList();
  }

  /** Says, for a message, that the mirrors do not have a file. */
  String lack() {
    if (isEmpty()) {
      return "no source mirror is configured";
    }
    List<String> all = new ArrayList<>();
    folders.forEach(f -> all.add(f.toString()));
    urls.forEach(u -> all.add(u.toString()));
    return "the source mirrors (" + String.join(", ", all) + ") do not hold it";
  }
}
