package org.gloinone.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTablesTest {
    @TempDir
    Path dir;

    @Test
    void glomeruliTableMatchesTheGoldenFile() throws IOException {
        Path file = dir.resolve("g.csv");
        ResultTables.writeGlomeruli(SampleResults.sample(), file);
        SampleResults.assertGolden("kidney 7-glomeruli.csv", file);
    }

    @Test
    void summaryMatchesTheGoldenFile() throws IOException {
        Path file = dir.resolve("summary.csv");
        ResultTables.writeSummary(SampleResults.manifests(SampleResults.sample(), SampleResults.detectionOnly()), file);
        SampleResults.assertGolden("summary.csv", file);
    }

    @Test
    void glomeruliRowsHoldTheValues() {
        List<String> lines = SampleResults.sample().glomeruli().isEmpty() ? List.of()
                : ResultTables.glomeruliTable(SampleResults.sample()).lines().toList();
        assertEquals("slide,id,class,p_normal,p_sclerosed,p_non-glomerular,score,center_x_px,center_y_px,center_x_um,"
                + "center_y_um,radius_px,radius_um,area_um2,perimeter_um,equivalent_diameter_um,circularity,solidity",
                lines.get(0));
        assertEquals("kidney 7.svs,G0001,normal,0.9,0.08,0.02,0.93,1200.5,3400.25,600.25,1700.13,150,75,10123.46,401.5,113.53,"
                + "0.7891,0.9512", lines.get(1));
        // not segmented: empty morphometry cells
        assertEquals("kidney 7.svs,G0002,sclerosed,0.1,0.85,0.05,0.81,5000,2000,2500,1000,120.5,60.25,,,,,", lines.get(2));
        assertEquals(4, lines.size());
    }

    @Test
    void unknownMicronsPerPixelGivesEmptyCells() {
        List<String> lines = ResultTables.glomeruliTable(SampleResults.sample(OptionalDouble.empty(), "x.svs"))
                .lines().toList();
        assertEquals("x.svs,G0002,sclerosed,0.1,0.85,0.05,0.81,5000,2000,,,120.5,,,,,,", lines.get(2));
        List<String> plain = ResultTables.glomeruliTable(SampleResults.detectionOnly()).lines().toList();
        assertEquals("slide,id,class,score,center_x_px,center_y_px,center_x_um,center_y_um,radius_px,radius_um,area_um2,"
                + "perimeter_um,equivalent_diameter_um,circularity,solidity", plain.get(0));
        assertEquals("plain.tiff,G0001,glomerulus,0.75,400,500,,,60,,,,,,", plain.get(1));
    }

    @Test
    void summaryRowsHoldCountsPercentagesAndDensity() {
        List<String> lines = ResultTables.summaryTable(SampleResults.manifests(SampleResults.sample(
                OptionalDouble.of(0.5), "case 7, \"left\".svs"), SampleResults.detectionOnly())).lines().toList();
        assertEquals("slide,folder,glomeruli,n_normal,n_sclerosed,n_glomerulus,rejected,percent_globally_sclerosed,"
                + "glomeruli_per_mm2,tissue_mm2,runtime_s", lines.get(0));
        // 1 of 3 sclerosed = 33.33 %, 3 / 12.5 mm^2 = 0.24 per mm^2; quoted name with doubled quotes
        assertEquals("\"case 7, \"\"left\"\".svs\",\"case 7, \"\"left\"\".svs\",3,2,1,,1,33.33,0.24,12.5,1.7",
                lines.get(1));
        assertEquals("plain.tiff,plain.tiff,1,,,1,0,,,,0.1", lines.get(2));
    }

    @Test
    void aResultsOwnSummaryRowIsTheRowItsSlideFolderGets() {
        // Fiji shows the row before (or without) writing a folder: the same cells as summary.csv will hold.
        for (var r : List.of(SampleResults.sample(), SampleResults.detectionOnly())) {
            assertEquals(ResultTables.summaryTable(SampleResults.manifests(r)), ResultSchema.summary(r).csv());
        }
    }

    @Test
    void decimalPointInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("kidney 7.svs,G0001,normal,0.9,0.08,0.02,0.93,1200.5,3400.25,600.25,1700.13,150,75,10123.46,401.5,"
                    + "113.53,0.7891,0.9512", ResultTables.glomeruliTable(SampleResults.sample()).lines().toList()
                    .get(1));
            assertEquals("1234.5", Numbers.format(1234.5, 3));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void numbersAreRoundedAndTrimmed() {
        assertEquals("0.1", Numbers.format(0.1, 4));
        assertEquals("2.5", Numbers.format(2.45, 1));
        assertEquals("-3", Numbers.format(-3.0, 2));
        assertEquals("0", Numbers.format(-0.00001, 2));
        assertEquals("120000", Numbers.format(1.2e5, 2));
        assertEquals("", Numbers.format(Double.NaN, 2));
        assertEquals("", Numbers.format(Double.POSITIVE_INFINITY, 2));
    }

    @Test
    void fastFormattingAgreesWithExactDecimalRounding() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (random.nextDouble() - 0.5) * 200_000;
                case 1 -> Math.round(random.nextDouble() * 1e6) / 1000.0; // exactly 3 decimals
                case 2 -> Math.round(random.nextDouble() * 1e5) / 1e4 + 0.00005; // ties at 4 decimals
                default -> random.nextGaussian() * 1e-3;
            };
            int decimals = i % 5;
            java.math.BigDecimal d = java.math.BigDecimal.valueOf(v)
                    .setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            String expected = d.signum() == 0 ? "0" : d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
            assertEquals(expected, Numbers.format(v, decimals), "format(" + v + ", " + decimals + ")");
        }
    }

    @Test
    void csvQuotesOnlyWhenNeeded() {
        assertEquals("a,\"b,c\",\"d\"\"e\",\"f\ng\"\n", CsvLine.of(List.of("a", "b,c", "d\"e", "f\ng")));
    }
}
