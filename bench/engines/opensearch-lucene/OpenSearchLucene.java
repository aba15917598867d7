// A stand-in for an OpenSearch / Elasticsearch node, built on Lucene 8.7 (Debian's liblucene8-java),
// for testing what `bangla-search/opensearch` emits without a cluster. It reads the GENERATED JSON:
// index bodies (analysis settings + mappings), bulk NDJSON and query DSL, and answers searches and
// multi-searches with responses shaped like a cluster's. Only the parts the module emits are
// implemented, with the cluster's semantics (each maps to the Lucene class the cluster itself uses):
//
//   analysis   tokenizer whitespace (max_token_length) -> WhitespaceTokenizer
//              filter pattern_capture (patterns, preserve_original) -> PatternCaptureGroupTokenFilter
//              analyzer custom { tokenizer, filter[] }; similarity BM25 { k1, b } -> BM25Similarity
//   mappings   dynamic: false; text (analyzer, similarity), keyword, long (sortable); objects
//   bulk       index, update with the one script the module sends ("ctx._source.F += params.P")
//              and an upsert, delete
//   queries    bool (must/should/must_not/filter, minimum_should_match), dis_max, term, terms,
//              prefix and fuzzy (with rewrite), match_phrase (the field's analyzer, via Lucene's
//              QueryBuilder as the cluster does), match_none, match_all; boost and _name on each
//   search     size, from, sort on a long field, _source (false or includes), stored_fields _none_,
//              docvalue_fields (keyword, long), matched_queries; rescore (one query rescorer:
//              window_size, query_weight, rescore_query_weight, score_mode total) -> QueryRescorer
//   match_phrase takes slop (a sloppy phrase, as on a cluster)
//
// Anything else is refused with an error, so a test fails when the module emits something new.
//
// Protocol (stdin/stdout, one JSON object per line; replies one line each):
//   {"op":"create","index":I,"body":{settings,mappings}}      -> {"acknowledged":true}
//   {"op":"bulk","lines":N} + N NDJSON lines                  -> {"took_ns","errors","items":[one per action]}
//   {"op":"refresh","index":I}                                -> {"took_ns","docs"}
//   {"op":"flush","index":I}                                  -> {"took_ns","docs","disk_bytes"}
//   {"op":"reopen","index":I}  open the committed index again -> {"took_ns","docs"}
//   {"op":"search","index":I,"body":{...}}                    -> a search response + "took_ns"
//   {"op":"msearch","lines":N} + N NDJSON lines (header,body) -> {"took_ns","responses":[...]}
//   {"op":"stats"}                                            -> {"heap_bytes"}
//   {"op":"delete","index":I}, {"op":"quit"}
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pattern.PatternCaptureGroupTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

public final class OpenSearchLucene {
  private static final double RAM_BUFFER_MB = 256;
  private static final Pattern ADD_SCRIPT = Pattern.compile("^ctx\\._source\\.(\\w+) \\+= params\\.(\\w+)$");
  private static final Pattern TOP_TERMS = Pattern.compile("^top_terms_(blended_freqs_|boost_)?(\\d+)$");

  private static final java.util.Set<String> SEARCH_KEYS =
      java.util.Set.of("query", "size", "from", "sort", "_source", "stored_fields", "docvalue_fields", "track_total_hits", "rescore");

  private final Map<String, IndexState> indexes = new HashMap<>();

  /** A query rescorer over the best `window` hits of the first pass. */
  private static final class Rescorer {
    final int window;
    final QueryRescorer rescorer;

    Rescorer(int window, QueryRescorer rescorer) {
      this.window = window;
      this.rescorer = rescorer;
    }

    TopDocs rescore(IndexSearcher searcher, TopDocs first) throws IOException {
      int n = Math.min(window, first.scoreDocs.length);
      ScoreDoc[] head = java.util.Arrays.copyOf(first.scoreDocs, n);
      TopDocs rescored = rescorer.rescore(searcher, new TopDocs(first.totalHits, head), n);
      ScoreDoc[] all = java.util.Arrays.copyOf(rescored.scoreDocs, first.scoreDocs.length);
      System.arraycopy(first.scoreDocs, n, all, n, first.scoreDocs.length - n);
      return new TopDocs(first.totalHits, all);
    }
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false, "UTF-8");
    OpenSearchLucene node = new OpenSearchLucene();
    String line;
    while ((line = in.readLine()) != null) {
      String reply;
      try {
        Map<String, Object> request = map(Json.parse(line), "request");
        if ("quit".equals(request.get("op"))) break;
        List<String> payload = new ArrayList<>();
        long lines = request.containsKey("lines") ? number(request.get("lines")).longValue() : 0;
        for (long i = 0; i < lines; i++) payload.add(in.readLine());
        reply = Json.write(node.handle(request, payload));
      } catch (Exception e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", e.getClass().getSimpleName());
        error.put("reason", String.valueOf(e.getMessage()));
        reply = Json.write(Map.of("error", error));
      }
      out.print(reply);
      out.print('\n');
      out.flush();
    }
    for (IndexState state : node.indexes.values()) state.close();
  }

  private Map<String, Object> handle(Map<String, Object> request, List<String> payload) throws IOException {
    String op = string(request.get("op"), "op");
    long t0 = System.nanoTime();
    Map<String, Object> reply = new LinkedHashMap<>();
    switch (op) {
      case "create": {
        String name = string(request.get("index"), "index");
        if (indexes.containsKey(name)) throw new IllegalArgumentException("index " + name + " exists");
        indexes.put(name, new IndexState(name, map(request.get("body"), "body")));
        reply.put("acknowledged", true);
        break;
      }
      case "delete": {
        IndexState state = indexes.remove(string(request.get("index"), "index"));
        if (state != null) state.close();
        reply.put("acknowledged", true);
        break;
      }
      case "bulk":
        reply.putAll(bulk(payload));
        break;
      case "refresh": {
        IndexState state = index(request.get("index"));
        state.refresh();
        reply.put("docs", state.reader.numDocs());
        break;
      }
      case "flush": {
        IndexState state = index(request.get("index"));
        state.refresh();
        state.writer.commit();
        reply.put("docs", state.reader.numDocs());
        reply.put("disk_bytes", state.diskSize());
        break;
      }
      case "reopen": {
        IndexState state = index(request.get("index"));
        state.reopenFromDisk();
        reply.put("docs", state.reader.numDocs());
        break;
      }
      case "search":
        reply.putAll(index(request.get("index")).search(map(request.get("body"), "body")));
        break;
      case "msearch": {
        List<Object> responses = new ArrayList<>();
        for (int i = 0; i + 1 < payload.size(); i += 2) {
          Map<String, Object> header = map(Json.parse(payload.get(i)), "msearch header");
          try {
            responses.add(index(header.get("index")).search(map(Json.parse(payload.get(i + 1)), "msearch body")));
          } catch (RuntimeException e) {
            responses.add(Map.of("error", Map.of("type", e.getClass().getSimpleName(), "reason", String.valueOf(e.getMessage()))));
          }
        }
        reply.put("responses", responses);
        break;
      }
      case "stats": {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        reply.put("heap_bytes", rt.totalMemory() - rt.freeMemory());
        break;
      }
      default:
        throw new IllegalArgumentException("unknown op " + op);
    }
    reply.put("took_ns", System.nanoTime() - t0);
    return reply;
  }

  private IndexState index(Object name) {
    IndexState state = indexes.get(string(name, "index"));
    if (state == null) throw new IllegalArgumentException("no such index [" + name + "]");
    return state;
  }

  /** A bulk body: action lines, each followed by its source (none for delete). */
  private Map<String, Object> bulk(List<String> lines) throws IOException {
    List<Object> items = new ArrayList<>();
    boolean errors = false;
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> action = map(Json.parse(lines.get(i)), "bulk action");
      if (action.size() != 1) throw new IllegalArgumentException("a bulk action has one key");
      String kind = action.keySet().iterator().next();
      Map<String, Object> meta = map(action.get(kind), "bulk action");
      IndexState state = index(meta.get("_index"));
      String id = string(meta.get("_id"), "_id");
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("_index", state.name);
      item.put("_id", id);
      try {
        switch (kind) {
          case "index":
            state.index(id, lines.get(++i));
            break;
          case "update":
            state.update(id, map(Json.parse(lines.get(++i)), "update body"));
            break;
          case "delete":
            state.delete(id);
            break;
          default:
            throw new IllegalArgumentException("unsupported bulk action " + kind);
        }
        item.put("status", 200);
      } catch (RuntimeException e) {
        errors = true;
        item.put("status", 400);
        item.put("error", Map.of("type", "mapper_parsing_exception", "reason", String.valueOf(e.getMessage())));
      }
      items.add(Map.of(kind, item));
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("errors", errors);
    reply.put("items", items);
    return reply;
  }

  /** One index: its analysis, mappings, Lucene writer and reader. */
  private static final class IndexState {
    final String name;
    final Path folder;
    final FSDirectory directory;
    final IndexWriter writer;
    final Similarity similarity;
    final Map<String, String> fieldTypes = new HashMap<>();
    final Map<String, Analyzer> fieldAnalyzers = new HashMap<>();
    final Map<String, Map<String, Object>> pendingUpdates = new LinkedHashMap<>();
    /** Pending updates of documents that are not in the index yet (added, not replaced, at refresh). */
    final java.util.Set<String> pendingInserts = new java.util.HashSet<>();
    DirectoryReader reader;
    IndexSearcher searcher;

    IndexState(String name, Map<String, Object> body) throws IOException {
      this.name = name;
      Map<String, Object> settings = optionalMap(body.get("settings"));
      Map<String, Analyzer> analyzers = analyzers(optionalMap(settings.get("analysis")));
      Map<String, Similarity> similarities = similarities(optionalMap(optionalMap(settings.get("index")).get("similarity")));
      Map<String, Object> mappings = map(body.get("mappings"), "mappings");
      if (!Boolean.FALSE.equals(mappings.get("dynamic"))) throw new IllegalArgumentException("only dynamic: false mappings are supported");
      Map<String, Similarity> fieldSimilarities = new HashMap<>();
      readProperties("", map(mappings.get("properties"), "properties"), analyzers, similarities, fieldSimilarities);
      Similarity fallback = new BM25Similarity();
      this.similarity = new PerFieldSimilarityWrapper() {
        @Override
        public Similarity get(String field) {
          return fieldSimilarities.getOrDefault(field, fallback);
        }
      };
      this.folder = Files.createTempDirectory("bangla-opensearch-lucene");
      this.directory = FSDirectory.open(folder);
      IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new org.apache.lucene.analysis.core.KeywordAnalyzer(), fieldAnalyzers));
      config.setSimilarity(similarity);
      config.setRAMBufferSizeMB(RAM_BUFFER_MB);
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      this.writer = new IndexWriter(directory, config);
      refresh();
    }

    private void readProperties(String prefix, Map<String, Object> properties, Map<String, Analyzer> analyzers, Map<String, Similarity> similarities, Map<String, Similarity> fieldSimilarities) {
      for (Map.Entry<String, Object> e : properties.entrySet()) {
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        Map<String, Object> spec = map(e.getValue(), "mapping of " + path);
        if (spec.containsKey("properties")) {
          readProperties(path, map(spec.get("properties"), "properties"), analyzers, similarities, fieldSimilarities);
          continue;
        }
        String type = string(spec.get("type"), "type of " + path);
        switch (type) {
          case "text": {
            Analyzer analyzer = analyzers.get(string(spec.get("analyzer"), "analyzer of " + path));
            if (analyzer == null) throw new IllegalArgumentException("unknown analyzer " + spec.get("analyzer"));
            fieldAnalyzers.put(path, analyzer);
            if (spec.containsKey("similarity")) {
              Similarity s = similarities.get(string(spec.get("similarity"), "similarity"));
              if (s == null) throw new IllegalArgumentException("unknown similarity " + spec.get("similarity"));
              fieldSimilarities.put(path, s);
            }
            Object options = spec.get("index_options");
            if (options != null && !"positions".equals(options)) throw new IllegalArgumentException("unsupported index_options " + options);
            break;
          }
          case "keyword":
          case "long":
            break;
          default:
            throw new IllegalArgumentException("unsupported field type " + type);
        }
        fieldTypes.put(path, type);
      }
    }

    private static Map<String, Analyzer> analyzers(Map<String, Object> analysis) {
      Map<String, Map<String, Object>> tokenizers = new HashMap<>();
      optionalMap(analysis.get("tokenizer")).forEach((k, v) -> tokenizers.put(k, map(v, "tokenizer " + k)));
      Map<String, Map<String, Object>> filters = new HashMap<>();
      optionalMap(analysis.get("filter")).forEach((k, v) -> filters.put(k, map(v, "filter " + k)));
      Map<String, Analyzer> analyzers = new HashMap<>();
      for (Map.Entry<String, Object> e : optionalMap(analysis.get("analyzer")).entrySet()) {
        Map<String, Object> spec = map(e.getValue(), "analyzer " + e.getKey());
        if (!"custom".equals(spec.get("type"))) throw new IllegalArgumentException("unsupported analyzer type " + spec.get("type"));
        Map<String, Object> tokenizer = tokenizers.get(string(spec.get("tokenizer"), "tokenizer"));
        if (tokenizer == null || !"whitespace".equals(tokenizer.get("type"))) throw new IllegalArgumentException("unsupported tokenizer " + spec.get("tokenizer"));
        int maxTokenLength = tokenizer.containsKey("max_token_length") ? number(tokenizer.get("max_token_length")).intValue() : 255;
        List<Pattern[]> chain = new ArrayList<>();
        List<Boolean> preserve = new ArrayList<>();
        for (Object filterName : list(spec.get("filter"), "filter")) {
          Map<String, Object> filter = filters.get(string(filterName, "filter"));
          if (filter == null || !"pattern_capture".equals(filter.get("type"))) throw new IllegalArgumentException("unsupported filter " + filterName);
          List<Object> patterns = list(filter.get("patterns"), "patterns");
          Pattern[] compiled = new Pattern[patterns.size()];
          for (int i = 0; i < compiled.length; i++) compiled[i] = Pattern.compile(string(patterns.get(i), "pattern"));
          chain.add(compiled);
          preserve.add(!Boolean.FALSE.equals(filter.get("preserve_original")));
        }
        analyzers.put(e.getKey(), new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new WhitespaceTokenizer(maxTokenLength);
            TokenStream stream = source;
            for (int i = 0; i < chain.size(); i++) stream = new PatternCaptureGroupTokenFilter(stream, preserve.get(i), chain.get(i));
            return new TokenStreamComponents(source, stream);
          }
        });
      }
      return analyzers;
    }

    private static Map<String, Similarity> similarities(Map<String, Object> specs) {
      Map<String, Similarity> out = new HashMap<>();
      for (Map.Entry<String, Object> e : specs.entrySet()) {
        Map<String, Object> spec = map(e.getValue(), "similarity " + e.getKey());
        if (!"BM25".equals(spec.get("type"))) throw new IllegalArgumentException("unsupported similarity " + spec.get("type"));
        float k1 = spec.containsKey("k1") ? number(spec.get("k1")).floatValue() : 1.2f;
        float b = spec.containsKey("b") ? number(spec.get("b")).floatValue() : 0.75f;
        out.put(e.getKey(), new BM25Similarity(k1, b));
      }
      return out;
    }

    void index(String id, String sourceLine) throws IOException {
      pendingUpdates.remove(id);
      pendingInserts.remove(id);
      writer.updateDocument(new Term("_id", id), document(id, map(Json.parse(sourceLine), "source"), sourceLine));
    }

    void delete(String id) throws IOException {
      pendingUpdates.remove(id);
      pendingInserts.remove(id);
      writer.deleteDocuments(new Term("_id", id));
    }

    /** A scripted update with an upsert: applied to the pending or stored source, written at refresh. */
    @SuppressWarnings("unchecked")
    void update(String id, Map<String, Object> body) throws IOException {
      Map<String, Object> source = pendingUpdates.get(id);
      if (source == null) source = storedSource(id);
      if (source == null) {
        Object upsert = body.get("upsert");
        if (upsert == null) throw new IllegalArgumentException("document missing: [" + id + "]");
        source = new LinkedHashMap<>(map(upsert, "upsert"));
        pendingInserts.add(id);
      } else {
        Map<String, Object> script = map(body.get("script"), "script");
        Matcher m = ADD_SCRIPT.matcher(string(script.get("source"), "script source"));
        if (!m.matches()) throw new IllegalArgumentException("unsupported script " + script.get("source"));
        Map<String, Object> params = optionalMap(script.get("params"));
        long current = source.get(m.group(1)) == null ? 0 : number(source.get(m.group(1))).longValue();
        source.put(m.group(1), current + number(params.get(m.group(2))).longValue());
      }
      pendingUpdates.put(id, source);
    }

    private Map<String, Object> storedSource(String id) throws IOException {
      TopDocs top = searcher.search(new TermQuery(new Term("_id", id)), 1);
      if (top.scoreDocs.length == 0) return null;
      return new LinkedHashMap<>(map(Json.parse(searcher.doc(top.scoreDocs[0].doc).get("_source")), "source"));
    }

    private Document document(String id, Map<String, Object> source, String raw) {
      Document doc = new Document();
      doc.add(new StringField("_id", id, Field.Store.YES));
      doc.add(new StoredField("_source", raw));
      addFields(doc, "", source);
      return doc;
    }

    @SuppressWarnings("unchecked")
    private void addFields(Document doc, String prefix, Map<String, Object> object) {
      for (Map.Entry<String, Object> e : object.entrySet()) {
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        Object value = e.getValue();
        if (value instanceof Map) {
          addFields(doc, path, (Map<String, Object>) value);
          continue;
        }
        String type = fieldTypes.get(path);
        if (type == null || value == null) continue; // dynamic: false keeps it in _source only
        for (Object item : value instanceof List ? (List<Object>) value : List.of(value)) {
          switch (type) {
            case "text":
              doc.add(new TextField(path, item.toString(), Field.Store.NO));
              break;
            case "keyword":
              doc.add(new StringField(path, item.toString(), Field.Store.NO));
              doc.add(new SortedSetDocValuesField(path, new BytesRef(item.toString()))); // doc_values: true, as on a cluster
              break;
            case "long":
              long n = number(item).longValue();
              doc.add(new LongPoint(path, n));
              doc.add(new NumericDocValuesField(path, n));
              break;
            default:
              throw new IllegalStateException(type);
          }
        }
      }
    }

    void refresh() throws IOException {
      for (Map.Entry<String, Map<String, Object>> e : pendingUpdates.entrySet()) {
        Document doc = document(e.getKey(), e.getValue(), Json.write(e.getValue()));
        // a new document needs no delete-by-id (thousands of those make the reopen slow)
        if (pendingInserts.contains(e.getKey())) writer.addDocument(doc);
        else writer.updateDocument(new Term("_id", e.getKey()), doc);
      }
      pendingUpdates.clear();
      pendingInserts.clear();
      DirectoryReader next = reader == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(reader, writer);
      if (next != null) {
        if (reader != null) reader.close();
        reader = next;
        searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
      }
    }

    /** Opens the committed index afresh from disk (what a restarted node does). */
    void reopenFromDisk() throws IOException {
      if (reader != null) reader.close();
      reader = DirectoryReader.open(directory);
      searcher = new IndexSearcher(reader);
      searcher.setSimilarity(similarity);
    }

    long diskSize() throws IOException {
      long total = 0;
      try (Stream<Path> files = Files.list(folder)) {
        for (Path p : (Iterable<Path>) files::iterator) total += Files.size(p);
      }
      return total;
    }

    void close() throws IOException {
      if (reader != null) reader.close();
      writer.close();
      directory.close();
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }

    Map<String, Object> search(Map<String, Object> body) throws IOException {
      long t0 = System.nanoTime();
      Map<String, Query> named = new LinkedHashMap<>();
      Query query = body.containsKey("query") ? query(body.get("query"), named) : new MatchAllDocsQuery();
      int size = body.containsKey("size") ? number(body.get("size")).intValue() : 10;
      int from = body.containsKey("from") ? number(body.get("from")).intValue() : 0;
      for (String key : body.keySet()) {
        if (!SEARCH_KEYS.contains(key)) throw new IllegalArgumentException("unsupported search body key " + key);
      }
      if (body.containsKey("rescore") && body.containsKey("sort")) throw new IllegalArgumentException("cannot use [sort] option in conjunction with [rescore]");
      Sort sort = sort(body.get("sort"));
      Rescorer rescore = body.containsKey("rescore") ? rescorer(body.get("rescore")) : null;
      int wanted = Math.max(1, Math.max(from + size, rescore == null ? 0 : rescore.window));
      long t1 = System.nanoTime();
      // hits are counted exactly up to track_total_hits (10,000 by default, as on a cluster); past it the
      // collector may skip documents that cannot enter the top (block-max WAND)
      Object track = body.get("track_total_hits");
      int threshold = Boolean.FALSE.equals(track) ? wanted : Boolean.TRUE.equals(track) ? Integer.MAX_VALUE : track instanceof Number ? ((Number) track).intValue() : 10_000;
      TopDocs top;
      if (sort == null) {
        TopScoreDocCollector collector = TopScoreDocCollector.create(wanted, null, Math.max(wanted, threshold));
        searcher.search(query, collector);
        top = collector.topDocs();
      } else {
        TopFieldCollector collector = TopFieldCollector.create(sort, wanted, null, Math.max(wanted, threshold));
        searcher.search(query, collector);
        top = collector.topDocs();
      }
      if (rescore != null) top = rescore.rescore(searcher, top);
      List<ScoreDoc> page = new ArrayList<>();
      for (int i = from; i < top.scoreDocs.length && i < from + size; i++) page.add(top.scoreDocs[i]);
      long t2 = System.nanoTime();
      Map<Integer, List<String>> matched = matchedQueries(named, page);
      long t3 = System.nanoTime();
      List<Object> hits = new ArrayList<>();
      double maxScore = 0;
      boolean noSource = Boolean.FALSE.equals(body.get("_source"));
      boolean noStored = "_none_".equals(body.get("stored_fields")) || List.of("_none_").equals(body.get("stored_fields"));
      List<Object> docValueFields = body.containsKey("docvalue_fields") ? list(body.get("docvalue_fields"), "docvalue_fields") : List.of();
      Map<Integer, Map<String, Object>> values = docValues(docValueFields, page);
      for (ScoreDoc hit : page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_index", name);
        Document stored = noStored ? null : noSource ? searcher.doc(hit.doc, java.util.Set.of("_id")) : searcher.doc(hit.doc);
        if (stored != null) out.put("_id", stored.get("_id"));
        boolean scored = !(hit instanceof FieldDoc) || sort == null;
        out.put("_score", scored ? (Object) (double) hit.score : null);
        if (scored) maxScore = Math.max(maxScore, hit.score);
        Object source = stored == null || noSource ? null : filterSource(stored.get("_source"), body.get("_source"));
        if (source != null) out.put("_source", source);
        if (!docValueFields.isEmpty()) out.put("fields", values.getOrDefault(hit.doc, Map.of()));
        List<String> names = matched.get(hit.doc);
        if (names != null && !names.isEmpty()) out.put("matched_queries", names);
        hits.add(out);
      }
      Map<String, Object> total = new LinkedHashMap<>();
      total.put("value", top.totalHits.value);
      total.put("relation", top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? "eq" : "gte");
      Map<String, Object> hitsPart = new LinkedHashMap<>();
      hitsPart.put("total", total);
      hitsPart.put("max_score", maxScore);
      hitsPart.put("hits", hits);
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("took_ns", System.nanoTime() - t0);
      // where the time went: building the query, searching, named queries, fetching the hits
      response.put("phases_ns", List.of(t1 - t0, t2 - t1, t3 - t2, System.nanoTime() - t3));
      response.put("hits", hitsPart);
      return response;
    }

    /**
     * The doc values of the hits' fields, as `fields` in a cluster's hit (a list per field): read
     * segment by segment in doc order, one iterator per segment and field, as a cluster's fetch does.
     */
    private Map<Integer, Map<String, Object>> docValues(List<Object> fields, List<ScoreDoc> page) throws IOException {
      Map<Integer, Map<String, Object>> out = new HashMap<>();
      if (fields.isEmpty()) return out;
      int[] docs = page.stream().mapToInt(d -> d.doc).sorted().distinct().toArray();
      List<LeafReaderContext> leaves = reader.leaves();
      for (Object item : fields) {
        String field = string(item, "docvalue_fields entry");
        String type = fieldTypes.get(field);
        if (!"keyword".equals(type) && !"long".equals(type)) throw new IllegalArgumentException("docvalue_fields supports keyword and long fields, not " + field);
        int leafOrd = -1;
        SortedSetDocValues keywords = null;
        NumericDocValues numbers = null;
        LeafReaderContext leaf = null;
        for (int doc : docs) {
          int ord = ReaderUtil.subIndex(doc, leaves);
          if (ord != leafOrd) {
            leafOrd = ord;
            leaf = leaves.get(ord);
            if ("keyword".equals(type)) keywords = DocValues.getSortedSet(leaf.reader(), field);
            else numbers = DocValues.getNumeric(leaf.reader(), field);
          }
          int target = doc - leaf.docBase;
          List<Object> values = new ArrayList<>();
          if (keywords != null && keywords.advanceExact(target)) {
            for (long o = keywords.nextOrd(); o != SortedSetDocValues.NO_MORE_ORDS; o = keywords.nextOrd()) values.add(keywords.lookupOrd(o).utf8ToString());
          } else if (numbers != null && numbers.advanceExact(target)) {
            values.add(numbers.longValue());
          }
          if (!values.isEmpty()) out.computeIfAbsent(doc, k -> new LinkedHashMap<>()).put(field, values);
        }
      }
      return out;
    }

    /** The names of the named queries each hit matches (a scorer per query and segment, advanced in doc order). */
    private Map<Integer, List<String>> matchedQueries(Map<String, Query> named, List<ScoreDoc> page) throws IOException {
      Map<Integer, List<String>> out = new HashMap<>();
      if (named.isEmpty() || page.isEmpty()) return out;
      int[] docs = page.stream().mapToInt(d -> d.doc).sorted().distinct().toArray();
      List<LeafReaderContext> leaves = reader.leaves();
      for (Map.Entry<String, Query> e : named.entrySet()) {
        Weight weight = searcher.createWeight(searcher.rewrite(e.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        int leafOrd = -1;
        DocIdSetIterator it = null;
        TwoPhaseIterator twoPhase = null;
        LeafReaderContext leaf = null;
        for (int doc : docs) {
          int ord = ReaderUtil.subIndex(doc, leaves);
          if (ord != leafOrd) {
            leafOrd = ord;
            leaf = leaves.get(ord);
            Scorer scorer = weight.scorer(leaf);
            twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
            it = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
          }
          if (it == null) continue;
          int target = doc - leaf.docBase;
          if (it.docID() < target) it.advance(target);
          if (it.docID() == target && (twoPhase == null || twoPhase.matches())) out.computeIfAbsent(doc, k -> new ArrayList<>()).add(e.getKey());
        }
      }
      return out;
    }

    private Sort sort(Object spec) {
      if (spec == null) return null;
      List<SortField> fields = new ArrayList<>();
      for (Object item : list(spec, "sort")) {
        Map<String, Object> entry = map(item, "sort entry");
        for (Map.Entry<String, Object> e : entry.entrySet()) {
          Object order = e.getValue() instanceof Map ? map(e.getValue(), "sort").get("order") : e.getValue();
          if (!"long".equals(fieldTypes.get(e.getKey()))) throw new IllegalArgumentException("sorting is supported on long fields only: " + e.getKey());
          fields.add(new SortField(e.getKey(), SortField.Type.LONG, "desc".equals(order)));
        }
      }
      return new Sort(fields.toArray(new SortField[0]));
    }

    @SuppressWarnings("unchecked")
    private static Object filterSource(String raw, Object spec) {
      if (spec == null || Boolean.TRUE.equals(spec)) return new Json.RawJson(raw);
      if (Boolean.FALSE.equals(spec)) return null;
      List<Object> includes = spec instanceof List ? (List<Object>) spec : list(map(spec, "_source").get("includes"), "_source.includes");
      Map<String, Object> source = map(Json.parse(raw), "source");
      Map<String, Object> kept = new LinkedHashMap<>();
      for (Object field : includes) {
        String key = string(field, "_source field");
        if (source.containsKey(key)) kept.put(key, source.get(key));
      }
      return kept;
    }

    /**
     * A `rescore` section with a query rescorer: the first pass's best `window_size` hits get
     * query_weight * first + rescore_query_weight * second where the rescore query matches
     * (score_mode total), are sorted again, and the hits past the window follow unchanged (as
     * a cluster's QueryRescorer does on each shard).
     */
    private Rescorer rescorer(Object spec) {
      Map<String, Object> section = map(spec, "rescore");
      for (String key : section.keySet()) {
        if (!key.equals("window_size") && !key.equals("query")) throw new IllegalArgumentException("unsupported rescore key " + key);
      }
      Map<String, Object> body = map(section.get("query"), "rescore.query");
      for (String key : body.keySet()) {
        if (!List.of("rescore_query", "query_weight", "rescore_query_weight", "score_mode").contains(key)) throw new IllegalArgumentException("unsupported rescore.query key " + key);
      }
      Object mode = body.getOrDefault("score_mode", "total");
      if (!"total".equals(mode)) throw new IllegalArgumentException("unsupported rescore score_mode " + mode);
      int window = number(section.getOrDefault("window_size", 10L)).intValue();
      float queryWeight = number(body.getOrDefault("query_weight", 1L)).floatValue();
      float rescoreWeight = number(body.getOrDefault("rescore_query_weight", 1L)).floatValue();
      // names inside a rescore query are not reported in matched_queries
      Query second = query(body.get("rescore_query"), new LinkedHashMap<>());
      return new Rescorer(window, new QueryRescorer(second) {
        @Override
        protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
          return queryWeight * firstPassScore + (secondPassMatches ? rescoreWeight * secondPassScore : 0f);
        }
      });
    }

    // ---- query DSL -> Lucene ----

    private Query query(Object node, Map<String, Query> named) {
      Map<String, Object> wrapper = map(node, "query");
      if (wrapper.size() != 1) throw new IllegalArgumentException("a query object has one key, got " + wrapper.keySet());
      String type = wrapper.keySet().iterator().next();
      Map<String, Object> body = map(wrapper.get(type), type);
      Query q;
      Object nameHolder = body;
      switch (type) {
        case "bool":
          q = bool(body, named);
          break;
        case "dis_max": {
          List<Query> queries = new ArrayList<>();
          for (Object item : list(body.get("queries"), "dis_max.queries")) queries.add(query(item, named));
          float tie = body.containsKey("tie_breaker") ? number(body.get("tie_breaker")).floatValue() : 0f;
          q = new DisjunctionMaxQuery(queries, tie);
          break;
        }
        case "term": {
          Map.Entry<String, Object> field = single(body, type);
          Map<String, Object> spec = field.getValue() instanceof Map ? map(field.getValue(), type) : Map.of("value", field.getValue());
          q = new TermQuery(new Term(field.getKey(), string(spec.get("value"), "term value")));
          q = boosted(q, spec);
          nameHolder = spec;
          break;
        }
        case "terms": {
          String field = null;
          List<BytesRef> values = new ArrayList<>();
          for (Map.Entry<String, Object> e : body.entrySet()) {
            if (e.getKey().equals("boost") || e.getKey().equals("_name")) continue;
            if (field != null) throw new IllegalArgumentException("terms takes one field");
            field = e.getKey();
            for (Object v : list(e.getValue(), "terms values")) values.add(new BytesRef(v.toString()));
          }
          if (field == null) throw new IllegalArgumentException("terms needs a field");
          q = new TermInSetQuery(field, values);
          break;
        }
        case "prefix": {
          Map.Entry<String, Object> field = single(body, type);
          Map<String, Object> spec = field.getValue() instanceof Map ? map(field.getValue(), type) : Map.of("value", field.getValue());
          PrefixQuery prefix = new PrefixQuery(new Term(field.getKey(), string(spec.get("value"), "prefix value")));
          if (spec.containsKey("rewrite")) prefix.setRewriteMethod(rewrite(string(spec.get("rewrite"), "rewrite")));
          q = boosted(prefix, spec);
          nameHolder = spec;
          break;
        }
        case "fuzzy": {
          Map.Entry<String, Object> field = single(body, type);
          Map<String, Object> spec = map(field.getValue(), type);
          int edits = number(spec.getOrDefault("fuzziness", 2L)).intValue();
          int prefixLength = number(spec.getOrDefault("prefix_length", 0L)).intValue();
          int maxExpansions = number(spec.getOrDefault("max_expansions", 50L)).intValue();
          boolean transpositions = !Boolean.FALSE.equals(spec.get("transpositions"));
          FuzzyQuery fuzzy = new FuzzyQuery(new Term(field.getKey(), string(spec.get("value"), "fuzzy value")), Math.min(2, edits), prefixLength, maxExpansions, transpositions);
          if (spec.containsKey("rewrite")) fuzzy.setRewriteMethod(rewrite(string(spec.get("rewrite"), "rewrite")));
          q = boosted(fuzzy, spec);
          nameHolder = spec;
          break;
        }
        case "match_phrase": {
          Map.Entry<String, Object> field = single(body, type);
          Map<String, Object> spec = field.getValue() instanceof Map ? map(field.getValue(), type) : Map.of("query", field.getValue());
          Analyzer analyzer = fieldAnalyzers.get(field.getKey());
          if (analyzer == null) throw new IllegalArgumentException("match_phrase on a field without an analyzer: " + field.getKey());
          int slop = number(spec.getOrDefault("slop", 0L)).intValue();
          Query phrase = new QueryBuilder(analyzer).createPhraseQuery(field.getKey(), string(spec.get("query"), "match_phrase query"), slop);
          q = boosted(phrase == null ? new MatchNoDocsQuery() : phrase, spec);
          nameHolder = spec;
          break;
        }
        case "match_none":
          q = new MatchNoDocsQuery();
          break;
        case "match_all":
          q = new MatchAllDocsQuery();
          break;
        default:
          throw new IllegalArgumentException("unsupported query type " + type);
      }
      if (nameHolder == body) q = boosted(q, body);
      Object name = ((Map<?, ?>) nameHolder).get("_name");
      if (name != null) named.put(name.toString(), q);
      return q;
    }

    private Query bool(Map<String, Object> body, Map<String, Query> named) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder();
      boolean positive = false;
      String[] keys = {"must", "should", "must_not", "filter"};
      BooleanClause.Occur[] occurs = {BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD, BooleanClause.Occur.MUST_NOT, BooleanClause.Occur.FILTER};
      for (int k = 0; k < keys.length; k++) {
        Object clauses = body.get(keys[k]);
        if (clauses == null) continue;
        for (Object item : clauses instanceof List ? list(clauses, keys[k]) : List.of(clauses)) {
          builder.add(query(item, named), occurs[k]);
          if (occurs[k] != BooleanClause.Occur.MUST_NOT) positive = true;
        }
      }
      if (!positive) builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER); // as the cluster does for a must_not-only bool
      if (body.containsKey("minimum_should_match")) builder.setMinimumNumberShouldMatch(Integer.parseInt(body.get("minimum_should_match").toString()));
      for (String key : body.keySet()) {
        if (!List.of("must", "should", "must_not", "filter", "minimum_should_match", "boost", "_name").contains(key)) throw new IllegalArgumentException("unsupported bool key " + key);
      }
      return builder.build();
    }

    private static Query boosted(Query q, Map<String, Object> spec) {
      Object boost = spec.get("boost");
      if (boost == null) return q;
      float b = number(boost).floatValue();
      return b == 1f ? q : new BoostQuery(q, b);
    }

    private static MultiTermQuery.RewriteMethod rewrite(String name) {
      switch (name) {
        case "constant_score":
          return MultiTermQuery.CONSTANT_SCORE_REWRITE;
        case "scoring_boolean":
          return MultiTermQuery.SCORING_BOOLEAN_REWRITE;
        case "constant_score_boolean":
          return MultiTermQuery.CONSTANT_SCORE_BOOLEAN_REWRITE;
        default:
          Matcher m = TOP_TERMS.matcher(name);
          if (!m.matches()) throw new IllegalArgumentException("unsupported rewrite " + name);
          int size = Integer.parseInt(m.group(2));
          if ("blended_freqs_".equals(m.group(1))) return new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(size);
          if ("boost_".equals(m.group(1))) return new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(size);
          return new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(size);
      }
    }
  }

  // ---- small JSON helpers ----

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map)) throw new IllegalArgumentException(what + " must be an object");
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> optionalMap(Object value) {
    return value == null ? Map.of() : map(value, "settings");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String what) {
    if (!(value instanceof List)) throw new IllegalArgumentException(what + " must be an array");
    return (List<Object>) value;
  }

  private static String string(Object value, String what) {
    if (!(value instanceof String)) throw new IllegalArgumentException(what + " must be a string");
    return (String) value;
  }

  private static Number number(Object value) {
    if (value instanceof Number) return (Number) value;
    if (value instanceof String) return Double.valueOf((String) value);
    throw new IllegalArgumentException("expected a number, got " + value);
  }

  private static Map.Entry<String, Object> single(Map<String, Object> body, String type) {
    Map.Entry<String, Object> found = null;
    for (Map.Entry<String, Object> e : body.entrySet()) {
      if (e.getKey().equals("boost") || e.getKey().equals("_name")) continue;
      if (found != null) throw new IllegalArgumentException(type + " takes one field");
      found = e;
    }
    if (found == null) throw new IllegalArgumentException(type + " needs a field");
    return found;
  }
}
