package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PackageIdentTest {

  @Test
  void parsesTwoToFourParts() {
    assertEquals(PackageIdent.of("core", "zlib"), PackageIdent.parse("core/zlib"));
    PackageIdent full = PackageIdent.parse("core/zlib/1.2.8/20160810182414");
    assertEquals("1.2.8", full.version());
    assertEquals("20160810182414", full.release());
    assertTrue(full.isFullyQualified());
    assertEquals("core/zlib/1.2.8/20160810182414", full.toString());
    assertEquals(PackageIdent.of("core", "zlib"), full.originAndName());
  }

  @Test
  void refusesMalformedIdentsNamingTheText() {
    var e = assertThrows(IllegalArgumentException.class, () -> PackageIdent.parse("zlib"));
    assertTrue(e.getMessage().contains("'zlib'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PackageIdent.parse("a/b/c/d/e"));
    var bad = assertThrows(IllegalArgumentException.class, () -> PackageIdent.parse("co re/zlib"));
    assertTrue(bad.getMessage().contains("co re"), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PackageIdent.parse("core//1.0"));
  }
}
