"""Post-training quantization: int8 dynamic quantization of Linear and recurrent layers (torch.ao)."""

from __future__ import annotations

import copy
import warnings

import torch
from torch import nn

__all__ = ["quantize_dynamic_int8"]


def quantize_dynamic_int8(model: nn.Module) -> nn.Module:
    """A copy of ``model`` with ``nn.Linear``, ``nn.GRU`` and ``nn.LSTM`` weights in int8.

    Activations are quantized on the fly per batch, so no calibration data is needed; embeddings
    stay in float32 (dynamic quantization does not cover them).
    """
    with warnings.catch_warnings():
        # torch.ao.quantization is deprecated in favour of torchao but still the CPU path here.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"torch\.ao\..*")
        warnings.filterwarnings("ignore", message=r".*torch\.ao\.quantization.*")
        return torch.ao.quantization.quantize_dynamic(
            copy.deepcopy(model).eval(), {nn.Linear, nn.GRU, nn.LSTM}, dtype=torch.qint8
        )
