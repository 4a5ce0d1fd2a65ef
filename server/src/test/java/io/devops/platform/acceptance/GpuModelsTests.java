package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuModelsTests {

    @Test
    void aPrintedNameIsTheDeclaredTypeWhenItHoldsEveryWordOfIt() {
        assertThat(GpuModels.isDeclared("NVIDIA H100 80GB HBM3", "H100")).isTrue();
        assertThat(GpuModels.isDeclared("NVIDIA A100-SXM4-80GB", "A100 SXM4")).isTrue();
        assertThat(GpuModels.isDeclared("NVIDIA H100 PCIe", "H100 HBM3")).isFalse();
        assertThat(GpuModels.isDeclared("NVIDIA A100-SXM4-80GB", "H100")).isFalse();
    }

    @Test
    void brandWordsNeitherMatchNorSpoilAMatch() {
        assertThat(GpuModels.isDeclared("Tesla V100-SXM2-32GB", "NVIDIA V100")).isTrue();
        assertThat(GpuModels.isDeclared("NVIDIA H100 80GB HBM3", "NVIDIA")).isFalse();
    }

    @Test
    void declaredAndPrintedAgreeWhenEitherNamesTheOtherOrOneIsUnknown() {
        assertThat(GpuModels.agree("H100", "NVIDIA H100 80GB HBM3")).isTrue();
        assertThat(GpuModels.agree("NVIDIA H100 80GB HBM3", "H100")).isTrue();
        assertThat(GpuModels.agree("H100", "NVIDIA H200")).isFalse();
        assertThat(GpuModels.agree(null, "NVIDIA H200")).isTrue();
        assertThat(GpuModels.agree("H100", " ")).isTrue();
    }
}
