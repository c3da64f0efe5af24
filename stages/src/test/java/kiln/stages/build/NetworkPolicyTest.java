package kiln.stages.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.org/a.tar.gz",
        "https://example.org/a.tar.gz",
        "ftp://ftp.gnu.org/gnu/bash/bash-5.2.tar.gz",
        "git://git.sv.gnu.org/bash.git",
        "git+https://example.org/repo.git"
      })
  void anOwnDownloadOfARemoteUrlGetsTheNetwork(String source) {
    assertTrue(NetworkPolicy.DOWNLOAD.grants(true, source), source);
    assertFalse(NetworkPolicy.NEVER.grants(true, source), "never means never: " + source);
    assertFalse(NetworkPolicy.DOWNLOAD.grants(false, source), "kiln fetches it: " + source);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nothing-to-download",
        "none",
        "",
        "file:///src/data.txt",
        "FILE:///src/data.txt",
        "/srv/sources/a.tar.gz",
        "http:/missing-slash"
      })
  void aSourceThatIsNotARemoteUrlHasNothingToFetch(String source) {
    assertFalse(NetworkPolicy.DOWNLOAD.grants(true, source), source);
  }

  @Test
  void parsesTheOptionAndNamesTheChoicesOtherwise() {
    assertEquals(NetworkPolicy.NEVER, NetworkPolicy.parse("never"));
    assertEquals(NetworkPolicy.DOWNLOAD, NetworkPolicy.parse(" Download "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NetworkPolicy.parse("always"));
    assertEquals("--network always: expected never or download", e.getMessage());
  }
}
