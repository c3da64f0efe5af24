package kiln.orchestrator.parts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiln.stages.artifact.ArtifactException;
import kiln.stages.artifact.Hart;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Finds what in a stage's artifacts still refers to {@code /tools}: an ELF interpreter or rpath, a
 * shebang, a symbolic link, or any text naming it. After stage2 there must be none, or the system
 * is not yet built by itself.
 */
public final class ToolsReferences {

  private static final byte[] TOOLS = "/tools".getBytes(StandardCharsets.US_ASCII);

  private ToolsReferences() {}

  /** One place that mentions /tools. */
  public record Reference(Path artifact, String entry, String kind, String excerpt) {
    /** The file in the package, what kind of reference, and the text around it. */
    public String place() {
      return "/" + entry + " (" + kind + "): " + excerpt;
    }

    @Override
    public String toString() {
      return artifact.getFileName() + ": " + place();
    }
  }

  /** Every reference in one artifact's payload. */
  public static List<Reference> inArtifact(Path hart) throws IOException, ArtifactException {
    List<Reference> found = new ArrayList<>();
    try (InputStream payload = Hart.open(hart).openPayload();
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(payload))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        byte[] target = entry.getLinkName().getBytes(StandardCharsets.UTF_8);
        if (entry.isSymbolicLink() && indexOf(target, TOOLS) >= 0) {
          found.add(new Reference(hart, entry.getName(), "symbolic link", entry.getLinkName()));
        } else if (entry.isFile() && !isManifest(entry.getName())) {
          byte[] content = readAll(tar);
          int at = indexOf(content, TOOLS);
          if (at >= 0) {
            found.add(
                new Reference(hart, entry.getName(), kindOf(content, at), excerpt(content, at)));
          }
        }
      }
    }
    return found;
  }

  /**
   * MANIFEST quotes the plan's source, and a plan may well say what it does in stage1 (take a file
   * from /tools): that is text about the build, not something the package uses.
   */
  private static boolean isManifest(String entry) {
    return entry.matches("hab/pkgs/[^/]+/[^/]+/[^/]+/[^/]+/MANIFEST");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static String kindOf(byte[] content, int at) {
    if (content.length > 4 && content[0] == 0x7f && content[1] == 'E' && content[2] == 'L') {
      return ElfInterpreter.contains(content, at)
          ? "ELF interpreter"
          : "ELF: rpath, runpath or another string";
    }
    if (content.length > 2 && content[0] == '#' && content[1] == '!') {
      return "script";
    }
    return "file";
  }

  /** The printable run of characters around the match, for the message. */
  private static String excerpt(byte[] content, int at) {
    int start = at;
    while (start > 0 && printable(content[start - 1]) && at - start < 40) {
      start--;
    }
    int end = at;
    while (end < content.length && printable(content[end]) && end - at < 60) {
      end++;
    }
    return new String(content, start, end - start, StandardCharsets.US_ASCII);
  }

  private static boolean printable(byte b) {
    return b >= 0x20 && b < 0x7f;
  }

  /**
   * Where {@code /tools} first appears as a path: not inside a longer name ({@code /usr/tools},
   * {@code /toolsmith}), so followed by '/', NUL, whitespace, a quote, ':' or the end, and not
   * preceded by a character of a file name. A bare {@code /tools} (RPATH=/tools, {@code #!/tools
   * ...}, PATH=...:/tools) counts as much as {@code /tools/bin}.
   */
  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      if ((i == 0 || !nameChar(haystack[i - 1]))
          && (i + needle.length == haystack.length || ends(haystack[i + needle.length]))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean ends(byte b) {
    return b == '/' || b == 0 || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '"'
        || b == '\'' || b == ':';
  }

  private static boolean nameChar(byte b) {
    return Character.isLetterOrDigit(b) || b == '.' || b == '_' || b == '-' || b == '+';
  }
}
