"""Quantization of the assistant's own models and the registry the quant_info skill answers from."""

from models.quant.ptq import quantize_dynamic_int8
from models.quant.registry import REGISTRY_FIELDS, list_models, register_model

__all__ = ["REGISTRY_FIELDS", "list_models", "quantize_dynamic_int8", "register_model"]
