package io.devops.platform.acceptance;

import java.util.List;
import io.devops.platform.identity.TenantAware;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pass lines per GPU model: read by anyone, replaced whole by an operator or admin (security config). */
@RestController
@RequestMapping("/api/v1/acceptance-thresholds")
class ThresholdsController {

    private final ThresholdSettings settings;

    ThresholdsController(ThresholdSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @TenantAware
    Thresholds get() {
        return new Thresholds(settings.all());
    }

    @PutMapping
    Thresholds replace(@RequestBody ThresholdsRequest request) {
        return new Thresholds(settings.replace(request.thresholds()));
    }

    record Thresholds(List<ThresholdRule> thresholds) {
    }

    record ThresholdsRequest(List<ThresholdInput> thresholds) {
    }

    /** One pass line as sent; {@code minMessageBytes} defaults to 1 GiB, {@code gpuCount} null matches any count. */
    record ThresholdInput(String name, String modelMatch, Integer gpuCount, Double minBusBwGbps, Long minMessageBytes,
                          String description) {
    }
}
