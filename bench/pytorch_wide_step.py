#!/usr/bin/python3
"""Reference timing for docs/performance.md: Li et al.'s wide net (2 -> 2000 ReLU -> 2 ReLU -> 1),
one full-batch gradient-descent step on 5000 points with the logistic loss, PyTorch CPU.
Not part of the build or the tests. Run with Debian's python3-torch:
    /usr/bin/python3 bench/pytorch_wide_step.py [--threads 2] [--steps 50]
Prints one JSON line with steps/s for float32 and float64."""
import argparse
import json
import time

import torch


def steps_per_second(dtype, steps, n=5000):
    g = torch.Generator().manual_seed(7)
    x = torch.rand(n, 2, generator=g, dtype=dtype) * 100
    y = (torch.arange(n) % 2).to(dtype) * 2 - 1
    net = torch.nn.Sequential(
        torch.nn.Linear(2, 2000), torch.nn.ReLU(),
        torch.nn.Linear(2000, 2), torch.nn.ReLU(),
        torch.nn.Linear(2, 1)).to(dtype)
    opt = torch.optim.SGD(net.parameters(), lr=1e-4)

    def step():
        opt.zero_grad(set_to_none=False)
        out = net(x).squeeze(1)
        loss = torch.nn.functional.softplus(-y * out).mean()
        loss.backward()
        opt.step()

    for _ in range(max(3, steps // 5)):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return steps / (time.perf_counter() - t0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=50)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(json.dumps({
        "torch": torch.__version__,
        "threads": a.threads,
        "wide_steps_per_s_f32": steps_per_second(torch.float32, a.steps),
        "wide_steps_per_s_f64": steps_per_second(torch.float64, a.steps),
    }))


if __name__ == "__main__":
    main()
