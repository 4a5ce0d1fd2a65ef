-- Acceptance: the pass lines of the performance checks, per check, metric, GPU model (words of the
-- model string, as acceptance_thresholds.model_match), GPUs per node, node count and fabric
-- (multi-node lines only). Versioned: a change writes a whole new set under the next version and
-- keeps the old rows, so every verdict can be traced to the lines of its day; the current set is
-- the latest version. `source` says where each figure comes from (shared reference
-- gpu-acceptance.md sections 2 and 5, or how it was derived). acceptance_thresholds (V10) stays as
-- it is: it drives the run page's judgement of any NCCL report (NcclJudge).

CREATE TABLE acceptance_line_versions (
    version    INT          NOT NULL PRIMARY KEY,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    comment    VARCHAR(500)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE acceptance_lines (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    version    INT            NOT NULL,
    check_name VARCHAR(64)    NOT NULL,
    metric     VARCHAR(64)    NOT NULL,
    gpu_model  VARCHAR(100)   NOT NULL,
    gpu_count  INT,
    node_count INT            NOT NULL,
    fabric     VARCHAR(32),
    min_value  DECIMAL(12, 2) NOT NULL,
    unit       VARCHAR(16)    NOT NULL,
    source     VARCHAR(500)   NOT NULL,
    CONSTRAINT fk_acceptance_lines_version FOREIGN KEY (version) REFERENCES acceptance_line_versions (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_acceptance_lines_version ON acceptance_lines (version, id);

INSERT INTO acceptance_line_versions (version, created_at, created_by, comment)
VALUES (1, TIMESTAMP '2026-01-01 00:00:00', 'system', 'Defaults from the shared reference gpu-acceptance.md, sections 2 and 5');

INSERT INTO acceptance_lines (version, check_name, metric, gpu_model, gpu_count, node_count, fabric, min_value, unit, source)
VALUES
 (1, 'nccl_all_reduce', 'busbw_gbps', 'H100', 8, 1, NULL, 460.00, 'GB/s',
  'gpu-acceptance.md 2/5: Azure node health checks (aznhc) pass line, all_reduce_perf -b 16G -e 16G -g 8 on 8x H100 SXM (~480 with NVLink SHARP)'),
 (1, 'nccl_all_reduce', 'busbw_gbps', 'H200', 8, 1, NULL, 440.00, 'GB/s',
  'gpu-acceptance.md 5: 8x H200 SXM one node, measured samples 431-480 GB/s (476.96 at 8 GiB in gpu-outputs)'),
 (1, 'nccl_all_reduce', 'busbw_gbps', 'A100', 8, 1, NULL, 228.00, 'GB/s',
  'gpu-acceptance.md 2/5: aznhc pass line at 8 GiB on 8x A100 SXM (users report 200-232 GB/s)'),
 (1, 'nccl_all_reduce_multi', 'busbw_gbps', 'H100', 8, 2, 'IB', 340.00, 'GB/s',
  'derived, conservative: 2 nodes x 8 H100 reach 338.8 GB/s at 8 GiB on 8x 200G (gpu-outputs, GCP A3 Mega); 8x NDR 400G (46-48 GB/s per NIC, gpu-acceptance.md 2) should not do worse. Tune to your fabric'),
 (1, 'nccl_all_reduce_multi', 'busbw_gbps', 'H200', 8, 2, 'IB', 340.00, 'GB/s',
  'derived as the H100 line (same NDR NICs and NVLink 4 within the node). Tune to your fabric'),
 (1, 'nccl_all_reduce_multi', 'busbw_gbps', 'A100', 8, 2, 'IB', 170.00, 'GB/s',
  'derived: half the H100 2-node line, HDR 200G per NIC being half of NDR (gpu-acceptance.md 2). Tune to your fabric'),
 (1, 'nvbandwidth', 'host_device_gbps', 'H100', NULL, 1, NULL, 48.00, 'GB/s',
  'gpu-acceptance.md 5: nvbandwidth host_to_device/device_to_host_memcpy_ce >= 48 GB/s on PCIe 5 (H100/H200)'),
 (1, 'nvbandwidth', 'host_device_gbps', 'H200', NULL, 1, NULL, 48.00, 'GB/s',
  'gpu-acceptance.md 5: nvbandwidth host_to_device/device_to_host_memcpy_ce >= 48 GB/s on PCIe 5 (H100/H200)'),
 (1, 'nvbandwidth', 'host_device_gbps', 'A100', NULL, 1, NULL, 21.00, 'GB/s',
  'gpu-acceptance.md 5: nvbandwidth host-device >= 21 GB/s on PCIe 4 (A100)'),
 (1, 'nvbandwidth', 'device_device_gbps', 'H100', NULL, 1, NULL, 335.00, 'GB/s',
  'gpu-acceptance.md 5: nvbandwidth device_to_device_memcpy_read_ce >= 335 GB/s, H100 class'),
 (1, 'nvbandwidth', 'device_device_gbps', 'H200', NULL, 1, NULL, 335.00, 'GB/s',
  'gpu-acceptance.md 5: nvbandwidth device_to_device_memcpy_read_ce >= 335 GB/s, H100 class (H200 has the same NVLink 4)'),
 (1, 'nvbandwidth', 'device_device_gbps', 'A100', NULL, 1, NULL, 250.00, 'GB/s',
  'NVIDIA/nvbandwidth README: 8 GPUs with NVLink 3 copy 274.9-276.8 GB/s device to device (host-device ~26 GB/s, PCIe 4: A100 class); line at about 90 %'),
 (1, 'ib_write_bw', 'bw_avg_gbits', 'H100', NULL, 1, NULL, 380.00, 'Gb/s',
  'gpu-acceptance.md 5: GPUDirect RDMA ib_write_bw --use_cuda per HCA >= 380 Gb/s NDR (H100 class); 375 in section 3'),
 (1, 'ib_write_bw', 'bw_avg_gbits', 'H200', NULL, 1, NULL, 380.00, 'Gb/s',
  'gpu-acceptance.md 5: GPUDirect RDMA ib_write_bw --use_cuda per HCA >= 380 Gb/s NDR (H100 class)'),
 (1, 'ib_write_bw', 'bw_avg_gbits', 'A100', NULL, 1, NULL, 185.00, 'Gb/s',
  'gpu-acceptance.md 3: GPUDirect RDMA loopback ib_write_bw --use_cuda 185 Gb/s on HDR'),
 (1, 'torch_all_reduce', 'busbw_gbps', 'H100', 8, 1, NULL, 391.00, 'GB/s',
  'derived: 85 % of the NCCL single-node line (460): the torch test reduces 1 GiB, where busbw is about 88 % of the 8-16 GiB figure (gpu-outputs 2-node table)'),
 (1, 'torch_all_reduce', 'busbw_gbps', 'H200', 8, 1, NULL, 374.00, 'GB/s',
  'derived: 85 % of the NCCL single-node line (440), 1 GiB message'),
 (1, 'torch_all_reduce', 'busbw_gbps', 'A100', 8, 1, NULL, 193.00, 'GB/s',
  'derived: 85 % of the NCCL single-node line (228), 1 GiB message');
