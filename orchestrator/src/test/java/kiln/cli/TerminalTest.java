package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {

  @TempDir Path dir;

  @Test
  void aDescriptorOnAPseudoTerminalIsATerminal() throws Exception {
    assertTrue(
        Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("2"), Path.of("/dev/pts/3"))));
    assertTrue(
        Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("0"), Path.of("/dev/tty1"))));
  }

  @Test
  void stderrRedirectedToAFileOrPipeIsNotWhateverTheConsoleSays() throws Exception {
    // `kiln bootstrap 2>log` on a terminal: stdin and stdout are the terminal, stderr a file
    Path log = Files.writeString(dir.resolve("log"), "");
    assertFalse(Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("2"), log)));
    assertFalse(
        Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("3"), Path.of("pipe:[4242]"))));
    assertFalse(
        Terminal.isTerminal(Files.createSymbolicLink(dir.resolve("4"), Path.of("/dev/null"))));
  }

  @Test
  void thisTestsStderrIsAPipeNotATerminal() {
    // surefire reads the forked JVM's stderr through a pipe
    assertFalse(Terminal.isTerminal(Terminal.STDERR));
  }
}
