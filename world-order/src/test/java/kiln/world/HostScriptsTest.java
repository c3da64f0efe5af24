package kiln.world;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Shell written by others: every script on this machine under /usr and /etc ({@code *.sh} files and
 * files whose first line names bash or sh) that bash -n accepts must parse. The counts of the run
 * are printed; docs/world-order.md has this machine's.
 */
class HostScriptsTest {

  private static final Pattern SHEBANG =
      Pattern.compile("^#! *(/usr)?/bin/(env +)?(ba)?sh( .*)?$", Pattern.DOTALL);
  private static final long LARGEST = 4 << 20;

  @Test
  void everyScriptUnderUsrAndEtcThatBashAcceptsParses() throws Exception {
    List<Path> scripts = new ArrayList<>();
    List<String> roots = new ArrayList<>(List.of("/usr", "/etc"));
    String more = System.getProperty("kiln.scripts", "");
    if (!more.isBlank()) {
      roots.addAll(List.of(more.split(":")));
    }
    for (String root : roots) {
      collect(Path.of(root), scripts);
    }
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    int refusedByBash = 0;
    for (Path script : scripts) {
      try {
        new ShellParser(text(script)).parse();
        parsed++;
      } catch (ShellSyntaxException e) {
        if (BashSyntaxCheck.acceptsAlone(script)) {
          failures.add(script + ":" + e.line() + ": " + e.getMessage());
        } else {
          refusedByBash++;
        }
      } catch (IOException e) {
        // Unreadable to this user: not shell we can judge.
      }
    }
    System.out.printf(
        "host scripts: %d found, %d parsed, %d refused by bash -n too, %d failed%n",
        scripts.size(), parsed, refusedByBash, failures.size());
    assertTrue(failures.isEmpty(), failures.size() + " scripts:\n" + String.join("\n", failures));
    assertTrue(scripts.size() >= 20, "found only " + scripts.size() + " scripts");
  }

  private static void collect(Path root, List<Path> out) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && attrs.size() < LARGEST && isShell(file)) {
              out.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static boolean isShell(Path file) {
    if (file.getFileName().toString().endsWith(".sh")) {
      return true;
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(80);
      int eol = 0;
      while (eol < head.length && head[eol] != '\n') {
        eol++;
      }
      return SHEBANG.matcher(new String(head, 0, eol, StandardCharsets.ISO_8859_1)).matches();
    } catch (IOException e) {
      return false;
    }
  }

  private static String text(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (CharacterCodingException e) {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
  }
}
