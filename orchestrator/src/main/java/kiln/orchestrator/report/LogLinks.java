package kiln.orchestrator.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Links from the report's folder to the build logs where they are, relative, so the report opens
 * from the disk with no server and still finds its logs when the work directory is moved or copied
 * whole (logs are not copied: a world's logs run to gigabytes).
 */
final class LogLinks {

  private final Path folder;

  LogLinks(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  /** The link to {@code log}, each part of the path URL-encoded; already markup-safe. */
  String href(Path log) {
    Path relative = folder.relativize(log.toAbsolutePath().normalize());
    List<String> parts = new ArrayList<>();
    for (Path part : relative) {
      parts.add(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return String.join("/", parts);
  }
}
