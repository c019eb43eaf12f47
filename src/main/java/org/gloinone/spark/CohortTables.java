package org.gloinone.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.gloinone.io.CsvLine;
import org.gloinone.io.ResultSchema;

/**
 * The cohort's Parquet tables, written by Spark SQL. Their columns are those of the slide job's own tables, typed:
 * {@code cohort.parquet} has the {@code summary.csv} columns of every slide (done, skipped or failed) plus its
 * source, status, failure reason, task time and model sha256s; {@code glomeruli.parquet} has the
 * {@code -glomeruli.csv} columns. Counts are integers, measures doubles, unknown values null.
 */
final class CohortTables {
    /** The cohort table's name in the output folder. */
    static final String COHORT = "cohort.parquet";
    /** The per-glomerulus table's name in the output folder. */
    static final String GLOMERULI = "glomeruli.parquet";
    private static final List<String> TEXT_COLUMNS = List.of("slide", "folder", "id", "class");
    private static final String CLASS_COUNT = "n_";
    private static final List<String> MODEL_TASKS = List.of("detect", "classify", "segment");
    private static final String REJECTED = ResultSchema.REJECTED;

    private CohortTables() {
    }

    /** Writes {@code cohort.parquet}, one row per slide in input order. */
    static void writeCohort(SparkSession spark, List<SlideRecord> records, String path) {
        Set<String> summaryColumns = new LinkedHashSet<>(List.of("slide", "folder", "glomeruli"));
        records.forEach(r -> summaryColumns.addAll(summaryCells(r).keySet()));
        List<String> measures = summaryOrder(summaryColumns).subList(1, summaryColumns.size());
        List<StructField> fields = new ArrayList<>(List.of(text("slide"), text("source"), text("status"),
                text("failure_reason")));
        measures.forEach(c -> fields.add(DataTypes.createStructField(c, typeOf(c), true)));
        fields.add(DataTypes.createStructField("task_s", DataTypes.DoubleType, false));
        MODEL_TASKS.forEach(t -> fields.add(text(modelColumn(t))));
        StructType schema = DataTypes.createStructType(fields);

        List<Row> rows = new ArrayList<>();
        for (SlideRecord r : records) {
            Map<String, String> cells = summaryCells(r);
            List<Object> values = new ArrayList<>(List.of(r.source().name(), r.source().uri(), r.status()));
            values.add(r.failure().isEmpty() ? null : r.failure());
            measures.forEach(c -> values.add(value(c, cells.getOrDefault(c, ""))));
            values.add(r.taskSeconds());
            MODEL_TASKS.forEach(t -> values.add(r.modelSha256().get(t)));
            rows.add(RowFactory.create(values.toArray()));
        }
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /** A slide's summary row by column, in column order; empty when it has none (a failed slide). */
    static Map<String, String> summaryCells(SlideRecord record) {
        Map<String, String> cells = new LinkedHashMap<>();
        if (record.summaryCsv().isEmpty()) {
            return cells;
        }
        List<List<String>> table = CsvLine.parse(record.summaryCsv());
        for (int i = 0; i < table.get(0).size(); i++) {
            cells.put(table.get(0).get(i), table.get(1).get(i));
        }
        return cells;
    }

    /** Summary columns in summary.csv's order: names and count first, then every class count, then the rest. */
    private static List<String> summaryOrder(Set<String> columns) {
        List<String> ordered = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String c : columns) {
            if (List.of("slide", "folder", "glomeruli").contains(c) || c.startsWith(CLASS_COUNT)) {
                ordered.add(c);
            } else {
                rest.add(c);
            }
        }
        ordered.addAll(rest);
        return ordered;
    }

    /**
     * Writes {@code glomeruli.parquet} from the records where they are (each executor writes its slides' rows).
     *
     * @param columns the union of the slides' {@code -glomeruli.csv} columns, in order
     */
    static void writeGlomeruli(SparkSession spark, JavaRDD<SlideRecord> records, List<String> columns, String path) {
        List<StructField> fields = new ArrayList<>();
        columns.forEach(c -> fields.add(DataTypes.createStructField(c, typeOf(c), true)));
        spark.createDataFrame(records.flatMap(new GlomerulusRows(columns)), DataTypes.createStructType(fields))
                .write().mode(SaveMode.Overwrite).parquet(path);
    }

    /** The columns of a slide's {@code -glomeruli.csv}; empty when it has none. */
    static List<String> glomeruliColumns(SlideRecord record) {
        return record.glomeruliCsv().isEmpty() ? List.of() : CsvLine.parse(record.glomeruliCsv()).get(0);
    }

    /** The column holding the sha256 of the model of {@code task}. */
    static String modelColumn(String task) {
        return switch (task) {
            case "detect" -> "detector_sha256";
            case "classify" -> "classifier_sha256";
            default -> "segmenter_sha256";
        };
    }

    /** A slide's rows of the per-glomerulus table. */
    private static final class GlomerulusRows implements FlatMapFunction<SlideRecord, Row> {
        private static final long serialVersionUID = 1L;
        private final List<String> columns;

        GlomerulusRows(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        @Override
        public Iterator<Row> call(SlideRecord record) {
            if (record.glomeruliCsv().isEmpty()) {
                return List.<Row>of().iterator();
            }
            List<List<String>> table = CsvLine.parse(record.glomeruliCsv());
            List<String> header = table.get(0);
            List<Row> rows = new ArrayList<>();
            for (List<String> line : table.subList(1, table.size())) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    int at = header.indexOf(columns.get(i));
                    values[i] = at < 0 ? null : value(columns.get(i), line.get(at));
                }
                rows.add(RowFactory.create(values));
            }
            return rows.iterator();
        }
    }

    private static StructField text(String name) {
        return DataTypes.createStructField(name, DataTypes.StringType, true);
    }

    private static DataType typeOf(String column) {
        if (TEXT_COLUMNS.contains(column)) {
            return DataTypes.StringType;
        }
        return isCount(column) ? DataTypes.IntegerType : DataTypes.DoubleType;
    }

    private static boolean isCount(String column) {
        return column.equals("glomeruli") || column.equals(REJECTED) || column.startsWith(CLASS_COUNT);
    }

    /** A cell as its column's type; null when empty. */
    private static Object value(String column, String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (TEXT_COLUMNS.contains(column)) {
            return cell;
        }
        return isCount(column) ? (Object) Integer.valueOf(cell) : (Object) Double.valueOf(cell);
    }
}
