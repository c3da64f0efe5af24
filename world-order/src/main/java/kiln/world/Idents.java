package kiln.world;

import java.util.Comparator;

/** The one order of idents every tie in the world is broken by: their text. */
final class Idents {

  static final Comparator<PackageIdent> ORDER = Comparator.comparing(PackageIdent::toString);

  private Idents() {}
}
