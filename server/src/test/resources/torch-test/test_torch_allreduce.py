"""content/scripts/torch_allreduce.py without torch: its pure functions, and its whole run on one rank
of a simulated world, torch and torch.distributed replaced by a few list-backed stand-ins (the other
ranks' contribution to each all_reduce is given by the test).

Run: TORCH_ALLREDUCE=content/scripts/torch_allreduce.py python3 -m unittest test_torch_allreduce
"""
import importlib.util
import json
import os
import unittest

SCRIPT = os.environ.get("TORCH_ALLREDUCE", os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "..",
                                                        "content", "scripts", "torch_allreduce.py"))
spec = importlib.util.spec_from_file_location("torch_allreduce", SCRIPT)
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)


class FakeTensor:
    def __init__(self, values):
        self.values = [float(v) for v in values]

    def __sub__(self, other):
        return FakeTensor([v - other for v in self.values])

    def __getitem__(self, index):
        return FakeTensor([self.values[index]])

    def abs(self):
        return FakeTensor([abs(v) for v in self.values])

    def max(self):
        return FakeTensor([max(self.values)])

    def item(self):
        return self.values[0]


class FakeCuda:
    def set_device(self, index):
        pass

    def synchronize(self):
        pass

    def get_device_name(self):
        return "NVIDIA H100 80GB HBM3"


class FakeTorch:
    float32, float64, bfloat16 = "float32", "float64", "bfloat16"

    def __init__(self):
        self.cuda = FakeCuda()
        self.dtypes = []

    def full(self, shape, value, dtype=None, device=None):
        self.dtypes.append(dtype)
        return FakeTensor([value] * shape[0])

    def zeros(self, elements, dtype=None, device=None):
        return FakeTensor([0.0] * elements)

    def randn(self, *shape, dtype=None, device=None):
        return FakeTensor([0.5])

    def matmul(self, a, b):
        return a

    def tensor(self, values, dtype=None, device=None):
        return FakeTensor(values)


class ReduceOp:
    SUM, MAX = "sum", "max"


class FakeDist:
    """Rank 0 of `world` ranks; `peers(op, call, values)` answers the other ranks' reduced contribution."""
    ReduceOp = ReduceOp

    def __init__(self, world, peers):
        self.world, self.peers, self.calls = world, peers, 0

    def init_process_group(self, backend):
        pass

    def destroy_process_group(self):
        pass

    def get_rank(self):
        return 0

    def get_world_size(self):
        return self.world

    def all_reduce(self, tensor, op=ReduceOp.SUM):
        self.calls += 1
        tensor.values = self.peers(op, self.calls, tensor.values)


def healthy_peers(world, nodes=1):
    """Ranks 1..world-1 each add rank+1; the MAX brings the last node's index (nodes) and equal figures."""
    def peers(op, call, values):
        if op == ReduceOp.SUM:
            return [v + sum(rank + 1 for rank in range(1, world)) if call == 1 else v for v in values]
        return [values[0], max(values[1], float(nodes)), values[2], values[3]]
    return peers


def run(world, peers, env=None):
    lines = []
    torch = FakeTorch()
    status = script.run(torch, FakeDist(world, peers), {"TORCH_TEST_BYTES": "64", "TORCH_TEST_ITERS": "2", **(env or {})},
                        out=lines.append)
    return status, lines, torch


def strict(constant):
    raise ValueError("not JSON: " + constant)


def contract(lines):
    """The one JSON line, read as strictly as the platform does (no NaN or Infinity)."""
    found = [json.loads(line, parse_constant=strict) for line in lines if line.startswith("{")]
    assert len(found) == 1, lines
    return found[0]


class PureFunctions(unittest.TestCase):

    def test_expected_sum_is_the_sum_of_every_ranks_value(self):
        self.assertEqual(script.expected_sum(1), 1.0)
        self.assertEqual(script.expected_sum(16), 136.0)
        self.assertEqual(script.expected_sum(1025), 1024 * 1025 / 2 + 1)

    def test_float32_is_kept_while_the_sum_is_exact_in_it(self):
        self.assertFalse(script.needs_float64(8192))
        self.assertTrue(script.needs_float64(40000))

    def test_bus_bandwidth_follows_nccl_tests(self):
        self.assertAlmostEqual(script.bus_bandwidth(1 << 30, (1 << 30) / 200e9, 8), 200 * 2 * 7 / 8)
        self.assertEqual(script.bus_bandwidth(1 << 30, 0, 8), 0.0)

    def test_any_error_or_nan_is_a_wrong_result(self):
        self.assertTrue(script.result_ok(0.0))
        self.assertFalse(script.result_ok(1.0))
        self.assertFalse(script.result_ok(float("nan")))
        self.assertFalse(script.result_ok(float("inf")))

    def test_the_result_line_has_every_field_the_platform_reads(self):
        line = json.loads(script.result_line(16, 2, 0.0, 1 << 30, 361.456, "NVIDIA H100 80GB HBM3"))
        self.assertEqual(line, {"check": "torch_all_reduce", "world_size": 16, "nodes": 2, "result_ok": True,
                                "max_abs_error": 0.0, "size_bytes": 1 << 30, "busbw_gbps": 361.46,
                                "gpu_model": "NVIDIA H100 80GB HBM3"})


class WholeRun(unittest.TestCase):

    def test_a_correct_sum_passes_and_rank_0_prints_the_contract_line(self):
        status, lines, torch = run(8, healthy_peers(8))
        self.assertEqual(status, 0)
        result = contract(lines)
        self.assertTrue(result["result_ok"])
        self.assertEqual(result["max_abs_error"], 0.0)
        self.assertEqual((result["world_size"], result["nodes"], result["size_bytes"]), (8, 1, 64))
        self.assertIn("world size: 8 (1 node(s))", lines)
        self.assertTrue(any(line.startswith("all_reduce 64 bytes busbw: ") for line in lines), lines)
        self.assertEqual(torch.dtypes, ["float32"])

    def test_the_node_count_is_the_highest_node_index_of_any_rank(self):
        status, lines, _ = run(16, healthy_peers(16, nodes=2))
        self.assertEqual(status, 0)
        self.assertEqual(contract(lines)["nodes"], 2)

    def test_a_wrong_element_anywhere_fails_with_its_error(self):
        def corrupt(op, call, values):
            values = healthy_peers(8)(op, call, values)
            return values[:3] + [values[3] + 2.0] + values[4:] if call == 1 else values
        status, lines, _ = run(8, corrupt)
        self.assertEqual(status, 1)
        result = contract(lines)
        self.assertFalse(result["result_ok"])
        self.assertEqual(result["max_abs_error"], 2.0)
        self.assertTrue(any(line.startswith("result check: WRONG") for line in lines), lines)

    def test_a_missing_rank_fails(self):
        def one_short(op, call, values):
            return [v + sum(rank + 1 for rank in range(1, 7)) for v in values] if call == 1 else healthy_peers(8)(op, call, values)
        status, lines, _ = run(8, one_short)
        self.assertEqual(status, 1)
        self.assertEqual(contract(lines)["max_abs_error"], 8.0)

    def test_another_ranks_error_fails_rank_0_too(self):
        def elsewhere(op, call, values):
            values = healthy_peers(8)(op, call, values)
            return [max(values[0], 0.5)] + values[1:] if op == ReduceOp.MAX else values
        status, lines, _ = run(8, elsewhere)
        self.assertEqual(status, 1)
        self.assertFalse(contract(lines)["result_ok"])

    def test_a_nan_is_a_wrong_result(self):
        def nan(op, call, values):
            return [float("nan")] * len(values) if call == 1 else healthy_peers(8)(op, call, values)
        status, lines, _ = run(8, nan)
        self.assertEqual(status, 1)
        self.assertFalse(contract(lines)["result_ok"])
        self.assertGreater(contract(lines)["max_abs_error"], 0)


if __name__ == "__main__":
    unittest.main()
