package io.devops.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the node is: hostname, IPs, OS, kernel, CPU, memory, GPUs ({@code nvidia-smi}), NICs with
 * driver and firmware ({@code ethtool -i}) and InfiniBand devices. Every probe is optional.
 */
final class FactsCollector {

    private final ObjectMapper json;
    private final Path sys;

    FactsCollector(ObjectMapper json) {
        this(json, Path.of("/sys"));
    }

    FactsCollector(ObjectMapper json, Path sys) {
        this.json = json;
        this.sys = sys;
    }

    ObjectNode collect() {
        ObjectNode facts = json.createObjectNode();
        facts.put("hostname", hostname());
        facts.set("ips", ips());
        facts.set("os", os());
        facts.put("kernel", Probes.run(List.of("uname", "-r")).map(String::strip).orElse(System.getProperty("os.version")));
        facts.put("arch", System.getProperty("os.arch"));
        facts.set("cpu", cpu());
        facts.set("memory", memory());
        facts.set("gpu", NvidiaSmi.probe(json));
        facts.set("nics", nics());
        facts.set("infiniband", infiniband());
        facts.set("system", system());
        facts.put("agentVersion", AgentMain.version());
        return facts;
    }

    static String hostname() {
        return Probes.run(List.of("hostname")).map(String::strip).filter(h -> !h.isEmpty())
                .or(() -> Probes.read(Path.of("/etc/hostname")))
                .orElseGet(() -> {
                    try {
                        return InetAddress.getLocalHost().getHostName();
                    } catch (IOException e) {
                        return "unknown";
                    }
                });
    }

    private ArrayNode ips() {
        ArrayNode ips = json.createArrayNode();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isLoopback() || !nic.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        ips.add(address.getHostAddress().replaceAll("%.*$", ""));
                    }
                }
            }
        } catch (IOException e) {
            // No interfaces readable: the facts simply have none.
        }
        return ips;
    }

    private ObjectNode os() {
        ObjectNode os = json.createObjectNode();
        Map<String, String> release = keyValues(Probes.read(Path.of("/etc/os-release")).orElse(""));
        os.put("name", release.getOrDefault("NAME", System.getProperty("os.name")));
        os.put("version", release.get("VERSION_ID"));
        os.put("prettyName", release.get("PRETTY_NAME"));
        return os;
    }

    private ObjectNode cpu() {
        ObjectNode cpu = json.createObjectNode();
        String info = Probes.read(Path.of("/proc/cpuinfo")).orElse("");
        info.lines().filter(l -> l.startsWith("model name")).findFirst()
                .ifPresent(l -> cpu.put("model", l.substring(l.indexOf(':') + 1).strip()));
        cpu.put("logicalCores", Runtime.getRuntime().availableProcessors());
        cpu.put("sockets", info.lines().filter(l -> l.startsWith("physical id")).distinct().count());
        return cpu;
    }

    private ObjectNode memory() {
        ObjectNode memory = json.createObjectNode();
        Probes.read(Path.of("/proc/meminfo")).orElse("").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .ifPresent(l -> memory.put("totalBytes", Long.parseLong(l.replaceAll("\\D", "")) * 1024));
        return memory;
    }

    /** The board's identity from DMI, for the hand-off certificate; the serials are readable by root only, so often absent. */
    private ObjectNode system() {
        ObjectNode system = json.createObjectNode();
        Path dmi = sys.resolve("class/dmi/id");
        Probes.read(dmi.resolve("sys_vendor")).ifPresent(v -> system.put("vendor", v));
        Probes.read(dmi.resolve("product_name")).ifPresent(v -> system.put("product", v));
        Probes.read(dmi.resolve("product_serial")).ifPresent(v -> system.put("productSerial", v));
        Probes.read(dmi.resolve("board_serial")).ifPresent(v -> system.put("boardSerial", v));
        return system;
    }

    private ArrayNode nics() {
        ArrayNode nics = json.createArrayNode();
        for (Path dir : list(sys.resolve("class/net"))) {
            String name = dir.getFileName().toString();
            if (name.equals("lo")) {
                continue;
            }
            ObjectNode nic = nics.addObject();
            nic.put("name", name);
            Probes.read(dir.resolve("address")).ifPresent(v -> nic.put("mac", v));
            Probes.read(dir.resolve("operstate")).ifPresent(v -> nic.put("state", v));
            Probes.read(dir.resolve("mtu")).ifPresent(v -> nic.put("mtu", v));
            Probes.read(dir.resolve("speed")).ifPresent(v -> nic.put("speedMbps", v));
            Probes.run(List.of("ethtool", "-i", name)).ifPresent(out -> {
                Map<String, String> info = colonValues(out);
                putIfPresent(nic, "driver", info.get("driver"));
                putIfPresent(nic, "driverVersion", info.get("version"));
                putIfPresent(nic, "firmwareVersion", info.get("firmware-version"));
                putIfPresent(nic, "busInfo", info.get("bus-info"));
            });
        }
        return nics;
    }

    private ArrayNode infiniband() {
        ArrayNode devices = json.createArrayNode();
        for (Path dir : list(sys.resolve("class/infiniband"))) {
            ObjectNode device = devices.addObject();
            device.put("name", dir.getFileName().toString());
            Probes.read(dir.resolve("hca_type")).ifPresent(v -> device.put("hcaType", v));
            Probes.read(dir.resolve("fw_ver")).ifPresent(v -> device.put("firmwareVersion", v));
            Probes.read(dir.resolve("node_guid")).ifPresent(v -> device.put("nodeGuid", v));
            ArrayNode ports = device.putArray("ports");
            for (Path port : list(dir.resolve("ports"))) {
                ObjectNode p = ports.addObject();
                p.put("port", port.getFileName().toString());
                Probes.read(port.resolve("state")).ifPresent(v -> p.put("state", v));
                Probes.read(port.resolve("rate")).ifPresent(v -> p.put("rate", v));
                Probes.read(port.resolve("link_layer")).ifPresent(v -> p.put("linkLayer", v));
            }
        }
        return devices;
    }

    /** The entries of a directory, sorted; none when it is absent or unreadable. */
    static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            List<Path> all = new java.util.ArrayList<>();
            entries.forEach(all::add);
            all.sort(null);
            return all;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code KEY=value} lines (os-release), quotes removed. */
    static Map<String, String> keyValues(String text) {
        Map<String, String> values = new TreeMap<>();
        text.lines().filter(l -> l.contains("=")).forEach(l -> {
            String value = l.substring(l.indexOf('=') + 1).strip();
            values.put(l.substring(0, l.indexOf('=')).strip(), value.replaceAll("^\"|\"$", ""));
        });
        return values;
    }

    /** {@code key: value} lines (ethtool -i). */
    static Map<String, String> colonValues(String text) {
        Map<String, String> values = new TreeMap<>();
        text.lines().filter(l -> l.contains(":")).forEach(l ->
                values.put(l.substring(0, l.indexOf(':')).strip(), l.substring(l.indexOf(':') + 1).strip()));
        return values;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
