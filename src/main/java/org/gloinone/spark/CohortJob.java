package org.gloinone.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * A cohort on the driver: one task per slide (or as many tasks as partitions asked for), then the cohort's
 * tables and {@code summary.csv}, then the copies that dead attempts left are removed.
 */
final class CohortJob {
    private CohortJob() {
    }

    /**
     * Runs {@code task} on every slide and writes the cohort's results into the output folder.
     *
     * @param partitions how many tasks; each takes its slides one after another
     * @return one record per slide, in input order
     */
    static List<SlideRecord> run(SparkSession spark, List<SlideSource> slides, CohortSettings settings,
                                 int partitions, Function<SlideSource, SlideRecord> task) throws IOException {
        OutputFolder out = new OutputFolder(settings.output(), spark.sparkContext().hadoopConfiguration());
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.setJobDescription("glo-in-one: " + slides.size() + " slides");
        // Kept on disk too: the tables read the records again, and losing them would mean running slides again.
        JavaRDD<SlideRecord> records = context.parallelize(slides, partitions).map(task)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<SlideRecord> collected = records.map(SlideRecord::withoutGlomeruli).collect();
            Set<String> columns = new LinkedHashSet<>();
            records.map(CohortTables::glomeruliColumns).collect().forEach(columns::addAll);
            CohortTables.writeCohort(spark, collected, new Path(out.root(), CohortTables.COHORT).toString());
            CohortTables.writeGlomeruli(spark, records, new ArrayList<>(columns),
                    new Path(out.root(), CohortTables.GLOMERULI).toString());
            CohortSummary.write(out);
            removeLeftovers(out);
            return collected;
        } finally {
            records.unpersist(false);
        }
    }

    private static void removeLeftovers(OutputFolder out) throws IOException {
        for (Path p : out.list()) {
            if (SlideFolderCommit.isLeftover(p.getName())) {
                out.delete(p);
            }
        }
    }
}
