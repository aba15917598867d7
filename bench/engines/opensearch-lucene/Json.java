// A minimal JSON reader and writer for the OpenSearch harness (the JDK has none): objects become
// LinkedHashMap<String, Object>, arrays ArrayList<Object>, numbers Long or Double, and strings,
// booleans and null themselves. Strict enough for what the module emits; not a general library.
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class Json {
  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value; throws IllegalArgumentException with the offset on bad input. */
  static Object parse(String text) {
    Json json = new Json(text);
    json.space();
    Object value = json.value();
    json.space();
    if (json.at != text.length()) throw json.error("trailing characters");
    return value;
  }

  private Object value() {
    if (at >= text.length()) throw error("unexpected end");
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    space();
    if (peek() == '}') {
      at++;
      return map;
    }
    while (true) {
      space();
      if (peek() != '"') throw error("expected a key");
      String key = string();
      space();
      expect(':');
      space();
      map.put(key, value());
      space();
      char c = next();
      if (c == '}') return map;
      if (c != ',') throw error("expected , or }");
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++;
    space();
    if (peek() == ']') {
      at++;
      return list;
    }
    while (true) {
      space();
      list.add(value());
      space();
      char c = next();
      if (c == ']') return list;
      if (c != ',') throw error("expected , or ]");
    }
  }

  private String string() {
    at++;
    int start = at;
    // fast path: no escapes
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') return text.substring(start, at++);
      if (c == '\\') break;
      at++;
    }
    StringBuilder b = new StringBuilder(text.substring(start, at));
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') return b.toString();
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"':
        case '\\':
        case '/':
          b.append(e);
          break;
        case 'b':
          b.append('\b');
          break;
        case 'f':
          b.append('\f');
          break;
        case 'n':
          b.append('\n');
          break;
        case 'r':
          b.append('\r');
          break;
        case 't':
          b.append('\t');
          break;
        case 'u':
          if (at + 4 > text.length()) throw error("short \\u escape");
          b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
          break;
        default:
          throw error("bad escape \\" + e);
      }
    }
    throw error("unclosed string");
  }

  private Object number() {
    int start = at;
    boolean real = false;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '.' || c == 'e' || c == 'E') real = true;
      else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
      at++;
    }
    String s = text.substring(start, at);
    return real ? (Object) Double.valueOf(s) : (Object) Long.valueOf(s);
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) throw error("expected " + word);
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
  }

  private char peek() {
    if (at >= text.length()) throw error("unexpected end");
    return text.charAt(at);
  }

  private char next() {
    if (at >= text.length()) throw error("unexpected end");
    return text.charAt(at++);
  }

  private void expect(char c) {
    if (next() != c) throw error("expected " + c);
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON: " + what + " at offset " + at);
  }

  /** Writes a value as compact JSON. */
  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  static void write(Object value, StringBuilder b) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String) {
      quote((String) value, b);
    } else if (value instanceof Map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
        if (!first) b.append(',');
        first = false;
        quote(e.getKey(), b);
        b.append(':');
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (value instanceof List) {
      b.append('[');
      boolean first = true;
      for (Object item : (List<Object>) value) {
        if (!first) b.append(',');
        first = false;
        write(item, b);
      }
      b.append(']');
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d)) b.append(d);
      else b.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      b.append(value);
    } else if (value instanceof RawJson) {
      b.append(((RawJson) value).text);
    } else {
      quote(value.toString(), b);
    }
  }

  private static void quote(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c == '\n') b.append("\\n");
      else if (c == '\r') b.append("\\r");
      else if (c == '\t') b.append("\\t");
      else if (c < 0x20 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    b.append('"');
  }

  /** Text that is already JSON (a stored _source), written as it is. */
  static final class RawJson {
    final String text;

    RawJson(String text) {
      this.text = text;
    }
  }
}
