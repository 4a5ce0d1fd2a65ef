"""All-reduce and matmul on every GPU of a torchrun job; checks the all-reduce's result.

Started by single_torch_test.sh and multi_test.sh through torchrun (one process per GPU). Each rank
fills a verification tensor with its own known value (rank % 1024 + 1), one all_reduce sums them, and
every element is compared with the exact expected sum (integers below 2**24 are exact in float32,
whatever order NCCL adds them in); the largest error of any rank is gathered with an all_reduce MAX.
The bandwidth is timed on a separate tensor of zeros, whose sum stays zero however often it is
reduced (the seed's tensor of ones grew by the world size every iteration and overflowed).

Rank 0 prints the human lines and one JSON line for the platform's torch_all_reduce check:
  {"check":"torch_all_reduce","world_size":16,"nodes":2,"result_ok":true,"max_abs_error":0.0,...}
Every rank exits 1 when the result is wrong, so torchrun fails too.
"""
import json
import os
import sys
import time

# Above this sum float32 no longer holds every integer: the verification tensor is then float64.
EXACT_FLOAT32 = 1 << 24


def fill_value(rank):
    """What rank `rank` puts in every element of the verification tensor."""
    return float(rank % 1024 + 1)


def expected_sum(world):
    """The exact all_reduce SUM of the verification tensors of `world` ranks."""
    return float(sum(fill_value(rank) for rank in range(world)))


def needs_float64(world):
    return expected_sum(world) >= EXACT_FLOAT32


def bus_bandwidth(size_bytes, seconds, world):
    """nccl-tests' bus bandwidth of an all_reduce (GB/s): algbw * 2 (n - 1) / n."""
    if seconds <= 0 or world < 1:
        return 0.0
    return size_bytes / seconds / 1e9 * 2 * (world - 1) / world


def result_ok(max_abs_error):
    """Exact sums are expected: any difference (or NaN) is a wrong result."""
    return max_abs_error == 0.0


def result_line(world, nodes, max_abs_error, size_bytes, busbw, gpu_model):
    """The one line the platform's torch_all_reduce check reads (strict JSON: an infinite error is written as the largest float)."""
    finite = max_abs_error if max_abs_error <= sys.float_info.max else sys.float_info.max
    return json.dumps({
        "check": "torch_all_reduce", "world_size": world, "nodes": nodes, "result_ok": result_ok(max_abs_error),
        "max_abs_error": finite, "size_bytes": size_bytes, "busbw_gbps": round(busbw, 2), "gpu_model": gpu_model,
    }, separators=(",", ":"), allow_nan=False)


def human_lines(world, nodes, max_abs_error, size_bytes, busbw, tflops, slowest_tflops, n):
    verdict = "correct" if result_ok(max_abs_error) else "WRONG"
    return [
        f"world size: {world} ({nodes} node(s))",
        f"result check: {verdict}, max abs error {max_abs_error} against the exact sum {expected_sum(world)}",
        f"all_reduce {size_bytes} bytes busbw: {busbw:.2f} GB/s",
        f"bf16 matmul {n}x{n}: {tflops:.1f} TFLOPS on rank 0, {slowest_tflops:.1f} TFLOPS slowest rank",
    ]


def verify(torch, dist, world, rank, elements):
    """This rank's largest absolute error after one all_reduce of the verification tensor (NaN counts as inf)."""
    dtype = torch.float64 if needs_float64(world) else torch.float32
    tensor = torch.full((elements,), fill_value(rank), dtype=dtype, device="cuda")
    dist.all_reduce(tensor)
    error = (tensor - expected_sum(world)).abs().max().item()
    del tensor
    return float("inf") if error != error else float(error)


def time_all_reduce(torch, dist, elements, iters):
    """Seconds per all_reduce of a float32 tensor of zeros, and the largest value it ends with (0 when correct)."""
    tensor = torch.zeros(elements, dtype=torch.float32, device="cuda")
    for _ in range(5):
        dist.all_reduce(tensor)
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(iters):
        dist.all_reduce(tensor)
    torch.cuda.synchronize()
    seconds = (time.perf_counter() - start) / iters
    drift = tensor.abs().max().item()
    return seconds, float("inf") if drift != drift else float(drift)


def matmul_tflops(torch, n, iters):
    a = torch.randn(n, n, dtype=torch.bfloat16, device="cuda")
    b = torch.randn(n, n, dtype=torch.bfloat16, device="cuda")
    torch.matmul(a, b)
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(iters):
        torch.matmul(a, b)
    torch.cuda.synchronize()
    return 2 * n ** 3 * iters / (time.perf_counter() - start) / 1e12


def run(torch, dist, env, out=print):
    """The whole test on one rank; answers the process's exit status (1 when the result is wrong)."""
    dist.init_process_group("nccl")
    rank, world = dist.get_rank(), dist.get_world_size()
    torch.cuda.set_device(int(env.get("LOCAL_RANK", "0")))
    size = int(env.get("TORCH_TEST_BYTES", str(1 << 30)))
    iters = int(env.get("TORCH_TEST_ITERS", "20"))
    elements = size // 4

    error = verify(torch, dist, world, rank, elements)
    seconds, drift = time_all_reduce(torch, dist, elements, iters)
    busbw = bus_bandwidth(size, seconds, world)
    n = 8192
    tflops = matmul_tflops(torch, n, iters)

    # One MAX over the ranks: the worst error, the number of nodes (torchrun's GROUP_RANK is the node's
    # index), and the negated figures, whose MAX is the slowest rank's.
    node_index = int(env.get("GROUP_RANK", env.get("NODE_RANK", "0")))
    worst = torch.tensor([max(error, drift), float(node_index + 1), -busbw, -tflops], dtype=torch.float64, device="cuda")
    dist.all_reduce(worst, op=dist.ReduceOp.MAX)
    max_error, nodes = worst[0].item(), int(worst[1].item())
    slowest_busbw, slowest_tflops = -worst[2].item(), -worst[3].item()
    if rank == 0:
        for line in human_lines(world, nodes, max_error, size, slowest_busbw, tflops, slowest_tflops, n):
            out(line)
        out(result_line(world, nodes, max_error, size, slowest_busbw, torch.cuda.get_device_name()))
    dist.destroy_process_group()
    return 0 if result_ok(max_error) else 1


def main():
    import torch
    import torch.distributed as dist
    return run(torch, dist, os.environ, out=lambda line: print(line, flush=True))


if __name__ == "__main__":
    sys.exit(main())
