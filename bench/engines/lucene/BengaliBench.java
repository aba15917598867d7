// Lucene's BengaliAnalyzer + BM25 behind a line protocol on stdin/stdout, for bench/engines/lucene.ts.
// Compiled at bench time into a temporary folder; needs lucene-core and lucene-analyzers-common 8.x.
//
// Requests (one line each, fields separated by TAB; \\ \t \n \r escaped with a backslash):
//   FIELDS <f1,f2>            fields of the next documents          (no reply)
//   STORE <f1,f2>             fields whose text is also stored      (no reply)
//   DOC <id> <v1> <v2> ...    buffer one document, one value a field (no reply)
//   BUILD                     index the buffered documents into a new folder on disk
//                             -> OK <docs> <buildMs> <heapBytes> <diskBytes> <openMs> <storedBytes>
//   REOPEN                    open the index again from disk -> OK <docs> <openMs>
//   SEARCH <mode> <limit> <q> mode = plain | prefix | fuzzy -> R <nanos> <id> <id> ...
//   CLOSE                     drop the index and its folder -> OK
//   QUIT
// Build and query times are measured here, so they exclude the pipe.
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

public final class BengaliBench {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\u200C\\u200D]+");
  private static final double RAM_BUFFER_MB = 256;

  private final Analyzer analyzer = new BengaliAnalyzer();
  private final List<String[]> pending = new ArrayList<>();
  private String[] fields = {"text"};
  /** Fields whose text is stored too (STORE request; none by default). */
  private java.util.Set<String> stored = new java.util.HashSet<>();
  private Path folder;
  private FSDirectory directory;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, "UTF-8");
    BengaliBench bench = new BengaliBench();
    String line;
    while ((line = in.readLine()) != null) {
      String[] parts = line.split("\t", -1);
      String reply;
      try {
        reply = bench.handle(parts);
      } catch (Exception e) {
        reply = "ERR " + e.toString().replace('\n', ' ').replace('\t', ' ');
      }
      if (reply == null) continue;
      if (reply.equals("QUIT")) break;
      out.print(reply);
      out.print('\n');
      out.flush();
    }
    bench.close();
  }

  private String handle(String[] parts) throws IOException {
    switch (parts[0]) {
      case "FIELDS":
        fields = parts[1].split(",");
        return null;
      case "STORE":
        stored = new java.util.HashSet<>(java.util.Arrays.asList(parts.length > 1 ? parts[1].split(",") : new String[0]));
        return null;
      case "DOC": {
        String[] doc = new String[parts.length - 1];
        for (int i = 1; i < parts.length; i++) doc[i - 1] = unescape(parts[i]);
        pending.add(doc);
        return null;
      }
      case "BUILD":
        return build();
      case "REOPEN": {
        closeReader();
        long t0 = System.nanoTime();
        open();
        return "OK\t" + reader.numDocs() + "\t" + ms(System.nanoTime() - t0);
      }
      case "SEARCH":
        return search(parts[1], Integer.parseInt(parts[2]), unescape(parts[3]));
      case "CLOSE":
        close();
        return "OK";
      case "QUIT":
        return "QUIT";
      default:
        return "ERR unknown request " + parts[0];
    }
  }

  private String build() throws IOException {
    close();
    folder = Files.createTempDirectory("bangla-bench-lucene");
    long before = usedHeap();
    long t0 = System.nanoTime();
    directory = FSDirectory.open(folder);
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    // stored-field files apart (not inside a compound file), so their size can be read
    if (!stored.isEmpty()) config.setUseCompoundFile(false);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (String[] values : pending) {
        Document doc = new Document();
        doc.add(new StringField("id", values[0], Field.Store.YES));
        for (int f = 0; f < fields.length; f++) doc.add(new TextField(fields[f], values[f + 1], stored.contains(fields[f]) ? Field.Store.YES : Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
    }
    long buildNanos = System.nanoTime() - t0;
    long t1 = System.nanoTime();
    open();
    long openNanos = System.nanoTime() - t1;
    // Measured while the buffered documents are still held, so the delta is the index's own.
    long heap = Math.max(0, usedHeap() - before);
    pending.clear();
    return "OK\t" + reader.numDocs() + "\t" + ms(buildNanos) + "\t" + heap + "\t" + diskSize() + "\t" + ms(openNanos) + "\t" + storedSize();
  }

  private void open() throws IOException {
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  private String search(String mode, int limit, String text) throws IOException {
    long t0 = System.nanoTime();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    String analysed = text;
    String prefix = null;
    if (mode.equals("prefix")) {
      Matcher m = WORD.matcher(text);
      int start = -1;
      int end = -1;
      while (m.find()) {
        start = m.start();
        end = m.end();
      }
      if (start >= 0) {
        prefix = text.substring(start, end);
        analysed = text.substring(0, start);
      }
    }
    for (String field : fields) {
      for (String term : analyse(field, analysed)) {
        Term t = new Term(field, term);
        Query q = mode.equals("fuzzy") ? new FuzzyQuery(t) : new TermQuery(t);
        query.add(q, BooleanClause.Occur.SHOULD);
      }
      if (prefix != null) {
        String normalised = analyzer.normalize(field, prefix).utf8ToString();
        query.add(new PrefixQuery(new Term(field, normalised)), BooleanClause.Occur.SHOULD);
      }
    }
    TopDocs top = searcher.search(query.build(), limit);
    StringBuilder ids = new StringBuilder();
    for (ScoreDoc hit : top.scoreDocs) ids.append('\t').append(searcher.doc(hit.doc).get("id"));
    long nanos = System.nanoTime() - t0;
    return "R\t" + nanos + ids;
  }

  private List<String> analyse(String field, String text) throws IOException {
    List<String> terms = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) terms.add(term.toString());
      ts.end();
    }
    return terms;
  }

  private long diskSize() throws IOException {
    long total = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : (Iterable<Path>) files::iterator) total += Files.size(p);
    }
    return total;
  }

  /** Bytes of the stored-fields files (.fdt data, .fdx index, .fdm meta). */
  private long storedSize() throws IOException {
    long total = 0;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".fdt") || name.endsWith(".fdx") || name.endsWith(".fdm")) total += Files.size(p);
      }
    }
    return total;
  }

  private void closeReader() throws IOException {
    if (reader != null) reader.close();
    reader = null;
    searcher = null;
  }

  private void close() throws IOException {
    closeReader();
    if (directory != null) directory.close();
    directory = null;
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    folder = null;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String ms(long nanos) {
    return Double.toString(nanos / 1e6);
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
