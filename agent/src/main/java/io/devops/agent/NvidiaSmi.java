package io.devops.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GPU facts from {@code nvidia-smi}: model, count, driver and CUDA versions, one entry per GPU. */
final class NvidiaSmi {

    static final List<String> QUERY = List.of("nvidia-smi",
            "--query-gpu=index,name,uuid,memory.total,driver_version,pci.bus_id", "--format=csv,noheader,nounits");
    private static final Pattern CUDA = Pattern.compile("CUDA Version:\\s*([0-9.]+)");

    private NvidiaSmi() {
    }

    static ObjectNode probe(ObjectMapper json) {
        Optional<String> query = Probes.run(QUERY);
        if (query.isEmpty() || query.get().isBlank()) {
            ObjectNode none = json.createObjectNode();
            none.put("present", false);
            none.put("count", 0);
            none.put("summary", "no NVIDIA GPU");
            return none;
        }
        ObjectNode gpu = parse(json, query.get(), Probes.run(List.of("nvidia-smi")).orElse(""));
        Fabric.probe(gpu);
        return gpu;
    }

    /** {@code csv} answers {@link #QUERY}; {@code banner} is plain {@code nvidia-smi}, the only place with the CUDA version. */
    static ObjectNode parse(ObjectMapper json, String csv, String banner) {
        ObjectNode gpu = json.createObjectNode();
        ArrayNode devices = json.createArrayNode();
        String model = null;
        String driver = null;
        for (String line : csv.strip().split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length < 6) {
                continue;
            }
            ObjectNode device = devices.addObject();
            device.put("index", Integer.parseInt(f[0].strip()));
            device.put("name", f[1].strip());
            device.put("uuid", f[2].strip());
            device.put("memoryMiB", Long.parseLong(f[3].strip()));
            device.put("busId", f[5].strip());
            model = model == null ? f[1].strip() : model;
            driver = driver == null ? f[4].strip() : driver;
        }
        Matcher cuda = CUDA.matcher(banner);
        gpu.put("present", devices.size() > 0);
        gpu.put("model", model);
        gpu.put("count", devices.size());
        gpu.put("driverVersion", driver);
        gpu.put("cudaVersion", cuda.find() ? cuda.group(1) : null);
        gpu.put("summary", devices.size() > 0 ? devices.size() + " x " + model : "no NVIDIA GPU");
        gpu.set("devices", devices);
        return gpu;
    }
}
