package kiln.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates {@code $name} and {@code ${...}}: subscripts ({@code [@]}, {@code [*]}, {@code [n]}),
 * length, defaults ({@code :-}, {@code -}, {@code :=}, {@code :+}, {@code +}), prefix and suffix
 * removal, substitution, case changes and substrings. Others are reported as not evaluated.
 */
final class ParamExpansion {

  private final Scope scope;
  private final Expander expander;

  ParamExpansion(Scope scope, Expander expander) {
    this.scope = scope;
    this.expander = expander;
  }

  Expander.Values expand(String expr, int line) {
    if (expr.length() > 1 && expr.charAt(0) == '#') {
      return length(expr.substring(1), line);
    }
    if (expr.startsWith("!")) {
      return expander.unknown("${" + expr + "}", "indirect expansion is not evaluated", line);
    }
    int nameEnd = nameEnd(expr);
    if (nameEnd == 0) {
      return expander.unknown("${" + expr + "}", "not a parameter the reader knows", line);
    }
    String name = expr.substring(0, nameEnd);
    String subscript = null;
    int rest = nameEnd;
    if (rest < expr.length() && expr.charAt(rest) == '[') {
      int close = expr.indexOf(']', rest);
      if (close < 0) {
        return expander.unknown("${" + expr + "}", "unclosed subscript", line);
      }
      subscript = expr.substring(rest + 1, close);
      rest = close + 1;
    }
    boolean all = "@".equals(subscript) || "*".equals(subscript);
    List<Field> base = lookup(name, subscript, line);
    String op = expr.substring(rest);
    if (op.isEmpty()) {
      return values(orUnset(base, name, line), all, subscript);
    }
    return operate(name, subscript, base, op, all, line);
  }

  private Expander.Values operate(
      String name, String subscript, List<Field> base, String op, boolean all, int line) {
    boolean colon = op.startsWith(":") && op.length() > 1 && ":-=+?".indexOf(op.charAt(1)) > 0;
    String kind = colon ? op.substring(0, 2) : op.substring(0, 1);
    String arg = op.substring(kind.length());
    boolean unset = base == null;
    boolean empty = unset || base.isEmpty() || (base.size() == 1 && base.get(0).text().isEmpty());
    boolean useDefault = colon ? empty : unset;
    switch (kind) {
      case ":-", "-":
        return useDefault ? word(arg, line) : values(base, all, subscript);
      case ":=", "=":
        if (!useDefault) {
          return values(base, all, subscript);
        }
        Field value = expander.scalar(fragment(arg, line));
        scope.vars.put(name, List.of(value));
        return Expander.Values.one(value);
      case ":+", "+":
        return useDefault ? Expander.Values.none() : word(arg, line);
      case ":?", "?":
        if (useDefault) {
          return expander.unknown("${" + name + op + "}", name + " is not set", line);
        }
        return values(base, all, subscript);
      default:
        return transform(name, subscript, orUnset(base, name, line), op, all, line);
    }
  }

  private Expander.Values transform(
      String name, String subscript, List<Field> base, String op, boolean all, int line) {
    UnaryOperator<String> f;
    try {
      f = transformer(op, line);
    } catch (java.util.regex.PatternSyntaxException e) {
      f = null;
    }
    if (f == null) {
      return expander.unknown("${" + name + op + "}", "this expansion is not evaluated", line);
    }
    List<Field> out = new ArrayList<>(base.size());
    for (Field field : base) {
      out.add(new Field(f.apply(field.text()), field.at(), field.problem()));
    }
    return values(out, all, subscript);
  }

  private UnaryOperator<String> transformer(String op, int line) {
    if (op.startsWith("%%") || op.startsWith("##")) {
      Pattern p = Pattern.compile(pattern(op.substring(2), line));
      return op.charAt(0) == '%' ? s -> cut(s, p, false, true) : s -> cut(s, p, true, true);
    }
    if (op.startsWith("%") || op.startsWith("#")) {
      Pattern p = Pattern.compile(pattern(op.substring(1), line));
      return op.charAt(0) == '%' ? s -> cut(s, p, false, false) : s -> cut(s, p, true, false);
    }
    if (op.startsWith("/")) {
      return substitution(op, line);
    }
    switch (op) {
      case "^^":
        return s -> s.toUpperCase(Locale.ROOT);
      case ",,":
        return s -> s.toLowerCase(Locale.ROOT);
      case "^":
        return s -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
      case ",":
        return s -> s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
      default:
        return op.startsWith(":") ? substring(op.substring(1)) : null;
    }
  }

  private UnaryOperator<String> substitution(String op, int line) {
    boolean global = op.startsWith("//");
    String body = op.substring(global ? 2 : 1);
    char anchor = body.isEmpty() ? ' ' : body.charAt(0);
    if (anchor == '#' || anchor == '%') {
      body = body.substring(1);
    }
    int slash = unescapedSlash(body);
    String pat = slash < 0 ? body : body.substring(0, slash);
    String rep = slash < 0 ? "" : expander.scalar(fragment(body.substring(slash + 1), line)).text();
    String regex = pattern(pat, line);
    Pattern p =
        Pattern.compile(
            anchor == '#' ? "^(?:" + regex + ")" : anchor == '%' ? "(?:" + regex + ")$" : regex);
    String literal = Matcher.quoteReplacement(rep);
    return global ? s -> p.matcher(s).replaceAll(literal) : s -> p.matcher(s).replaceFirst(literal);
  }

  private static UnaryOperator<String> substring(String spec) {
    String[] parts = spec.split(":", -1);
    try {
      int offset = Integer.parseInt(parts[0].strip());
      Integer length = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : null;
      return s -> {
        int from = Math.min(s.length(), offset < 0 ? Math.max(0, s.length() + offset) : offset);
        int to = length == null ? s.length() : Math.min(s.length(), from + Math.max(0, length));
        return s.substring(from, to);
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Removes the shortest or longest prefix (or suffix) matching the pattern. */
  private static String cut(String s, Pattern p, boolean prefix, boolean longest) {
    int n = s.length();
    for (int k = 0; k <= n; k++) {
      int len = longest ? n - k : k;
      String piece = prefix ? s.substring(0, len) : s.substring(n - len);
      if (p.matcher(piece).matches()) {
        return prefix ? s.substring(len) : s.substring(0, n - len);
      }
    }
    return s;
  }

  private String pattern(String text, int line) {
    return expander.pattern(fragment(text, line));
  }

  private Expander.Values word(String text, int line) {
    return new Expander.Values(expander.fields(fragment(text, line)), true);
  }

  private Word fragment(String text, int line) {
    try {
      return ShellLexer.fragment(text, line);
    } catch (ShellSyntaxException e) {
      return new Word(List.of(new Word.Lit(text, true)), line, text);
    }
  }

  private Expander.Values length(String expr, int line) {
    boolean array = expr.endsWith("[@]") || expr.endsWith("[*]");
    String name = array ? expr.substring(0, expr.length() - 3) : expr;
    if (nameEnd(name) != name.length()) {
      return expander.unknown("${#" + expr + "}", "not a parameter the reader knows", line);
    }
    // ${#a[@]} counts the elements: look up the whole array, not its first element as $a does.
    List<Field> base = orUnset(lookup(name, array ? "@" : null, line), name, line);
    int n = array ? base.size() : (base.isEmpty() ? 0 : base.get(0).text().length());
    return Expander.Values.one(new Field(Integer.toString(n), scope.location(line), null));
  }

  private List<Field> lookup(String name, String subscript, int line) {
    List<Field> value = scope.get(name);
    if (value == null || subscript == null || subscript.equals("@") || subscript.equals("*")) {
      return value == null || subscript != null
          ? value
          : value.subList(0, Math.min(1, value.size()));
    }
    Field index = expander.scalar(fragment(subscript, line));
    try {
      int i = Integer.parseInt(index.text().strip());
      return i >= 0 && i < value.size() ? List.of(value.get(i)) : List.of();
    } catch (NumberFormatException e) {
      return expander
          .unknown("${" + name + "[" + subscript + "]}", "subscript is not a number", line)
          .fields();
    }
  }

  private List<Field> orUnset(List<Field> value, String name, int line) {
    if (value != null) {
      return value;
    }
    if (!name.startsWith("pkg_") && !isPositional(name)) {
      scope.problem(name + " is not set here; taken as empty");
    }
    return List.of();
  }

  private static boolean isPositional(String name) {
    return "@*#?-".contains(name) || Character.isDigit(name.charAt(0));
  }

  private static Expander.Values values(List<Field> base, boolean all, String subscript) {
    return new Expander.Values(base, all && "@".equals(subscript));
  }

  private static int nameEnd(String expr) {
    if (expr.isEmpty()) {
      return 0;
    }
    char first = expr.charAt(0);
    if (Character.isDigit(first) || "@*#?$!-".indexOf(first) >= 0) {
      return Character.isDigit(first) ? digits(expr) : 1;
    }
    int i = 0;
    while (i < expr.length() && ShellLexer.isNameChar(expr.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int digits(String expr) {
    int i = 0;
    while (i < expr.length() && Character.isDigit(expr.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int unescapedSlash(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == '/') {
        return i;
      }
    }
    return -1;
  }
}
