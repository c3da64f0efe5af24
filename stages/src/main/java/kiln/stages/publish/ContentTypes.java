package kiln.stages.publish;

import java.nio.file.Path;

/** The content type of a repository's file, by its name. */
final class ContentTypes {

  private ContentTypes() {}

  static String of(Path file) {
    String name = file.getFileName().toString();
    if (name.equals(SignedIndex.FILE) || name.endsWith(".pub") || name.endsWith(".txt")) {
      // a HART-1 header and JSON, or a key file: text either way
      return "text/plain; charset=utf-8";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    // .hart: a header and an xz payload, binary; so is anything else
    return "application/octet-stream";
  }
}
