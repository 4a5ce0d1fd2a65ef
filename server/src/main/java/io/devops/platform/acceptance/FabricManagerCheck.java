package io.devops.platform.acceptance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code fabric_manager}: the role's {@code key: value} lines ({@code nvswitch}, {@code driver_version},
 * {@code fabricmanager_active}, {@code fabricmanager_version}). On an NVSwitch system Fabric Manager
 * must be active and at exactly the driver's version (else CUDA fails to start with
 * CUDA_ERROR_SYSTEM_NOT_READY, and FM refuses a driver of another version); without NVSwitch it is
 * not needed. lspci names NVSwitches only with a recent pci.ids, so "no" on a node declared as an
 * 8-GPU NVSwitch board (HGX H100/H200/A100) is WARN, not PASS.
 */
@Component
class FabricManagerCheck implements AcceptanceCheck {

    static final String NAME = "fabric_manager";
    private static final List<String> KEYS = List.of("nvswitch", "driver_version", "fabricmanager_active", "fabricmanager_version");
    private static final String VERSION = "\\d+\\.\\d+(\\.\\d+)?";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult judge(String report, NodeContext node) {
        return HealthOutput.judge(NAME, report, "the Fabric Manager probe", output -> judgeProbe(output.text(), node));
    }

    private static CheckResult judgeProbe(String text, NodeContext node) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).strip();
            if (KEYS.contains(key)) {
                values.putIfAbsent(key, line.substring(colon + 1).strip());
            }
        }
        List<String> absent = KEYS.stream().filter(key -> !values.containsKey(key)).toList();
        if (!absent.isEmpty()) {
            return CheckResult.missingEvidence(NAME, "the Fabric Manager probe printed no " + String.join(", ", absent)
                    + " line: the report is cut short or not the probe's");
        }
        return judge(values, node);
    }

    private static CheckResult judge(Map<String, String> values, NodeContext node) {
        String nvswitch = values.get("nvswitch").toLowerCase(Locale.ROOT);
        String driver = values.get("driver_version");
        String state = values.get("fabricmanager_active");
        String fm = values.get("fabricmanager_version");
        if (nvswitch.equals("no")) {
            return noNvswitch(node);
        }
        if (!nvswitch.equals("yes")) {
            return CheckResult.missingEvidence(NAME, "nvswitch is '" + HealthOutput.quote(nvswitch) + "', not yes or no");
        }
        if (!driver.matches(VERSION)) {
            return CheckResult.error(NAME, "the driver version is '" + HealthOutput.quote(driver)
                    + "', not a version: nvidia-smi does not answer; load or reinstall the NVIDIA driver");
        }
        String branch = driver.substring(0, driver.indexOf('.'));
        String install = "install nvidia-fabricmanager-" + branch + "=" + driver + " (nvidia-fabricmanager from 580), then "
                + "'systemctl enable --now nvidia-fabricmanager'";
        if (fm.equalsIgnoreCase("none") || fm.isEmpty()) {
            return result(CheckVerdict.FAIL, "NVSwitch system without Fabric Manager (driver " + driver + "): " + install);
        }
        if (!fm.matches(VERSION)) {
            return CheckResult.missingEvidence(NAME, "the Fabric Manager version is '" + HealthOutput.quote(fm) + "', not a version");
        }
        if (!fm.equals(driver)) {
            return result(CheckVerdict.FAIL, "Fabric Manager " + fm + " does not match driver " + driver + " (they must be equal; FM is "
                    + state + "): " + install);
        }
        if (!state.equals("active")) {
            return result(CheckVerdict.FAIL, "Fabric Manager " + fm + " is " + (state.isEmpty() ? "not running" : state)
                    + " on an NVSwitch system: 'systemctl enable --now nvidia-fabricmanager'; "
                    + "'journalctl -u nvidia-fabricmanager' says why it stopped");
        }
        return result(CheckVerdict.PASS, "Fabric Manager " + fm + " active, at the driver's version");
    }

    private static CheckResult noNvswitch(NodeContext node) {
        Optional<GpuModels.GpuModel> model = GpuModels.ofDeclared(node.gpuType()).filter(GpuModels.GpuModel::nvswitchBoard);
        if (model.isPresent() && node.gpuCount() != null && node.gpuCount() == model.get().boardGpus()) {
            return result(CheckVerdict.WARN, "lspci shows no NVSwitch, but an HGX " + model.get().label() + " " + node.gpuCount()
                    + "-GPU board has NVSwitches: update pci.ids ('update-pciids') and run again, or correct the inventory");
        }
        return result(CheckVerdict.PASS, "no NVSwitch: Fabric Manager not needed");
    }

    private static CheckResult result(CheckVerdict verdict, String message) {
        return CheckResult.fault(NAME, verdict, null, null, null, message);
    }
}
