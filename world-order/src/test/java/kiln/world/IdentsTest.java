package kiln.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdentsTest {

  @Test
  void identsAreOrderedAsTheirTexts() {
    Random random = new Random(7);
    List<PackageIdent> idents = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String version = random.nextInt(3) == 0 ? null : word(random, "0123456789.-_a+");
      String release =
          version != null && random.nextBoolean() ? "2020010112000" + random.nextInt(10) : null;
      idents.add(
          new PackageIdent(word(random, "ab-_Z0"), word(random, "ab-_z9"), version, release));
    }
    idents.add(PackageIdent.of("core", "a"));
    idents.add(PackageIdent.of("core-x", "b"));
    idents.add(PackageIdent.of("core", "a-b"));
    for (PackageIdent a : idents) {
      for (PackageIdent b : idents) {
        assertEquals(
            Integer.signum(a.toString().compareTo(b.toString())),
            Integer.signum(Idents.ORDER.compare(a, b)),
            a + " against " + b);
      }
    }
  }

  private static String word(Random random, String letters) {
    StringBuilder out = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      out.append(letters.charAt(random.nextInt(letters.length())));
    }
    return out.toString();
  }
}
