"""All-reduce and matmul on every GPU of a torchrun job; rank 0 prints the figures.

Started by single_torch_test.sh and multi_test.sh through torchrun (one process per GPU).
"""
import os
import time

import torch
import torch.distributed as dist


def main():
    dist.init_process_group("nccl")
    rank, world = dist.get_rank(), dist.get_world_size()
    torch.cuda.set_device(int(os.environ.get("LOCAL_RANK", "0")))
    size = int(os.environ.get("TORCH_TEST_BYTES", str(1 << 30)))
    iters = int(os.environ.get("TORCH_TEST_ITERS", "20"))

    tensor = torch.ones(size // 4, dtype=torch.float32, device="cuda")
    for _ in range(5):
        dist.all_reduce(tensor)
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(iters):
        dist.all_reduce(tensor)
    torch.cuda.synchronize()
    seconds = (time.perf_counter() - start) / iters
    algbw = size / seconds / 1e9
    busbw = algbw * 2 * (world - 1) / world

    n = 8192
    a = torch.randn(n, n, dtype=torch.bfloat16, device="cuda")
    b = torch.randn(n, n, dtype=torch.bfloat16, device="cuda")
    torch.matmul(a, b)
    torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(iters):
        torch.matmul(a, b)
    torch.cuda.synchronize()
    tflops = 2 * n ** 3 * iters / (time.perf_counter() - start) / 1e12

    figures = torch.tensor([busbw, tflops], device="cuda")
    minimum = figures.clone()
    dist.all_reduce(minimum, op=dist.ReduceOp.MIN)
    if rank == 0:
        print(f"world size: {world}")
        print(f"all_reduce {size} bytes busbw: {busbw:.2f} GB/s")
        print(f"bf16 matmul {n}x{n}: {tflops:.1f} TFLOPS on rank 0, {minimum[1].item():.1f} TFLOPS slowest rank")
    dist.destroy_process_group()


if __name__ == "__main__":
    main()
