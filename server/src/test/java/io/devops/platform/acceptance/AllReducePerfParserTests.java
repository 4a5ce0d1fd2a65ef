package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AllReducePerfParserTests {

    @Test
    void theCurrentFormatGivesEverySizeAndTheBusBandwidthAtTheLargest() {
        NcclTable table = AllReducePerfParser.parse(NcclSamples.goodH100());

        assertThat(table.notParsed()).isNull();
        assertThat(table.points()).hasSize(31);
        assertThat(table.points().get(0)).isEqualTo(new BandwidthPoint(8, 0.00, 0.00, 0.00, 0.00, 0L));
        assertThat(table.largest()).isEqualTo(new BandwidthPoint(8_589_934_592L, 273.63, 478.85, 274.15, 479.76, 0L));
        assertThat(table.avgBusBwGbps()).isEqualTo(175.325);
        assertThat(table.wrongValues()).isZero();
        assertThat(table.outOfBoundsFailed()).isFalse();
    }

    @Test
    void theReferenceSampleWithoutHeaderCommentsParses() {
        NcclTable table = AllReducePerfParser.parse(NcclSamples.resource("gcp-2x8-h100.txt"));

        assertThat(table.points()).extracting(BandwidthPoint::sizeBytes).containsExactly(8L, 2_147_483_648L, 8_589_934_592L);
        assertThat(table.largest().busBwGbps()).isEqualTo(338.82);
        assertThat(table.largest().inPlaceBusBwGbps()).isEqualTo(337.35);
        assertThat(table.avgBusBwGbps()).isEqualTo(70.742);
    }

    @Test
    void theOlderFormatWithAnErrorColumnAndRankPrefixesParsesAndSkipsInterleavedNcclLines() {
        NcclTable table = AllReducePerfParser.parse(NcclSamples.resource("older-a100-rank-prefixed.txt"));

        assertThat(table.notParsed()).isNull();
        assertThat(table.points()).hasSize(5);
        assertThat(table.largest()).isEqualTo(new BandwidthPoint(8_589_934_592L, 130.15, 227.77, 130.13, 227.72, null));
        assertThat(table.avgBusBwGbps()).isEqualTo(96.124);
        assertThat(table.wrongValues()).isZero();
    }

    @Test
    void openMpiTaggedOutputParses() {
        String tagged = NcclSamples.resource("gcp-2x8-h100.txt").lines().map(line -> "[1,0]<stdout>:" + line)
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(AllReducePerfParser.parse(tagged).largest().busBwGbps()).isEqualTo(338.82);
    }

    @Test
    void wrongCountsAndFailedBoundsAreReported() {
        String output = NcclSamples.resource("gcp-2x8-h100.txt")
                .replace("338.82      0    47743", "338.82      3    47743")
                .replace("# Out of bounds values : 0 OK", "# Out of bounds values : 2 FAILED");

        NcclTable table = AllReducePerfParser.parse(output);

        assertThat(table.wrongValues()).isEqualTo(3);
        assertThat(table.outOfBoundsFailed()).isTrue();
    }

    @Test
    void notApplicableWrongCountsFromDisabledChecksAreNoFigure() {
        String output = NcclSamples.resource("gcp-2x8-h100.txt").replaceAll(" {6}0 {4}", "    N/A   ").replaceAll(" 0\\n", " N/A\n");

        NcclTable table = AllReducePerfParser.parse(output);

        assertThat(table.notParsed()).as(output).isNull();
        assertThat(table.largest().wrong()).isNull();
        assertThat(table.wrongValues()).isZero();
    }

    @Test
    void outputCutInsideARowIsNotParsedAndSaysWhere() {
        String output = NcclSamples.goodH100();
        String cut = output.substring(0, output.indexOf("1073741824     268435456") + 40);

        NcclTable table = AllReducePerfParser.parse(cut);

        assertThat(table.isParsed()).isFalse();
        assertThat(table.notParsed()).startsWith("line 45 is not a complete row of the all_reduce_perf table (13 columns expected, 4 found)");
    }

    @Test
    void outputEndingBeforeTheSummaryIsTruncated() {
        String output = NcclSamples.goodH100();
        String cut = output.substring(0, output.indexOf("# Out of bounds"));

        assertThat(AllReducePerfParser.parse(cut).notParsed()).contains("ends before '# Avg bus bandwidth'").contains("truncated");
    }

    @Test
    void garbageEmptyAndHeaderOnlyOutputsSayWhyTheyAreNotParsed() {
        assertThat(AllReducePerfParser.parse(null).notParsed()).isEqualTo("the output is empty");
        assertThat(AllReducePerfParser.parse("  \n").notParsed()).isEqualTo("the output is empty");
        assertThat(AllReducePerfParser.parse("Segmentation fault (core dumped)\n\u0000\u00ff 123 456").notParsed())
                .isEqualTo("no all_reduce_perf table: no '#  size  count  type ...' header line");
        String headerOnly = NcclSamples.goodH100().lines().takeWhile(line -> line.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        assertThat(AllReducePerfParser.parse(headerOnly).notParsed()).isEqualTo("the all_reduce_perf table has no rows");
    }

    @Test
    void aValueThatIsNotANumberIsNotParsed() {
        String output = NcclSamples.resource("gcp-2x8-h100.txt").replace("169.81  318.40", "169.81  3x8.40");

        assertThat(AllReducePerfParser.parse(output).notParsed()).startsWith("line 4 has a value that is not a number");
    }

    @Test
    void aHugeRandomInputNeverThrows() {
        var random = new java.util.Random(7);
        for (int i = 0; i < 200; i++) {
            String output = NcclSamples.goodH100();
            StringBuilder mangled = new StringBuilder(output);
            for (int j = 0; j < 20; j++) {
                mangled.setCharAt(random.nextInt(mangled.length()), (char) (32 + random.nextInt(95)));
            }
            NcclTable table = AllReducePerfParser.parse(mangled.toString());
            assertThat(table.isParsed() || table.notParsed() != null).isTrue();
            if (table.isParsed()) {
                assertThat(table.largest().busBwGbps()).isCloseTo(478.85, within(1000.0));
            }
        }
    }
}
