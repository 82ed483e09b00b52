"""The neural parser: a relation-aware encoder over question + schema items + value candidates,
and a pointer decoder over query tokens (keywords, or a pointer at a table, column or value).

Plain ``torch.nn`` (``Linear``, ``Embedding``, ``LayerNorm``) so post-training quantization and
quantization-aware training can swap the Linear layers. Shapes: B batch, Lq question tokens,
S schema items, C candidates, I = S + C items, L = Lq + I encoder positions, T output steps,
K keywords, D model width, H heads.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn.functional as F
from torch import nn

from models.seq2sql.features import CUE_TAGS, ITEM_CHARS, N_ITEM_KINDS, N_QUALITIES, N_RELATIONS
from models.seq2sql.ir import KEYWORDS

__all__ = ["ParserConfig", "Seq2SqlParser"]


@dataclass
class ParserConfig:
    """Architecture of ``Seq2SqlParser`` (stored in every bundle)."""

    vocab_size: int
    d_model: int = 128
    n_heads: int = 4
    enc_layers: int = 3
    dec_layers: int = 2
    d_ff: int = 256
    dropout: float = 0.1
    max_question: int = 128
    max_steps: int = 40

    def __post_init__(self) -> None:
        if self.d_model % self.n_heads:
            raise ValueError(f"d_model={self.d_model} is not divisible by n_heads={self.n_heads}")

    def to_dict(self) -> dict:
        """Plain dict for the bundle."""
        return asdict(self)


class Attention(nn.Module):
    """Multi-head attention with an additive bias (relations, masks) on the logits."""

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))

    def forward(self, x: torch.Tensor, memory: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        m = memory.shape[1]
        h = self.heads
        q = self.q(x).view(b, n, h, d // h).transpose(1, 2)  # (B, H, N, D/H)
        k = self.k(memory).view(b, m, h, d // h).transpose(1, 2)  # (B, H, M, D/H)
        v = self.v(memory).view(b, m, h, d // h).transpose(1, 2)
        # No dropout on attention weights: its Bernoulli mask of (B, H, N, M) dominates CPU time.
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
        return self.o(out.transpose(1, 2).reshape(b, n, d))


class Block(nn.Module):
    """Pre-norm transformer block: self-attention, optional cross-attention, feed-forward."""

    def __init__(self, cfg: ParserConfig, cross: bool) -> None:
        super().__init__()
        d = cfg.d_model
        self.norm1, self.attn = nn.LayerNorm(d), Attention(d, cfg.n_heads)
        self.cross = Attention(d, cfg.n_heads) if cross else None
        self.norm2 = nn.LayerNorm(d) if cross else None
        self.norm3 = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, cfg.d_ff), nn.GELU(), nn.Linear(cfg.d_ff, d))
        self.drop = nn.Dropout(cfg.dropout)

    def forward(
        self,
        x: torch.Tensor,
        bias: torch.Tensor,
        memory: torch.Tensor | None = None,
        memory_bias: torch.Tensor | None = None,
    ) -> torch.Tensor:
        # Dropout only after the feed-forward: Bernoulli masks are a large share of CPU time.
        y = self.norm1(x)
        x = x + self.attn(y, y, bias)
        if self.cross is not None:
            x = x + self.cross(self.norm2(x), memory, memory_bias)
        return x + self.drop(self.ff(self.norm3(x)))


class Seq2SqlParser(nn.Module):
    """Encoder-decoder with pointers; see the module docstring for shapes."""

    def __init__(self, cfg: ParserConfig) -> None:
        super().__init__()
        self.cfg = cfg
        d, k = cfg.d_model, len(KEYWORDS)
        self.embed = nn.Embedding(cfg.vocab_size, d, padding_idx=0)
        self.position = nn.Embedding(cfg.max_question, d)
        self.cue = nn.Embedding(len(CUE_TAGS), d)
        self.item_pos = nn.Embedding(ITEM_CHARS, d)
        self.item_kind = nn.Embedding(N_ITEM_KINDS, d)
        self.item_quality = nn.Embedding(N_QUALITIES, d)
        self.item_proj = nn.Linear(2 * d, d)
        self.relation = nn.Embedding(N_RELATIONS, cfg.n_heads * cfg.enc_layers)
        self.encoder = nn.ModuleList(Block(cfg, cross=False) for _ in range(cfg.enc_layers))
        self.enc_norm = nn.LayerNorm(d)
        self.kw_embed = nn.Embedding(k + 1, d)  # + <bos>
        self.step_pos = nn.Embedding(cfg.max_steps + 1, d)
        self.copy_proj = nn.Linear(d, d)
        self.decoder = nn.ModuleList(Block(cfg, cross=True) for _ in range(cfg.dec_layers))
        self.dec_norm = nn.LayerNorm(d)
        self.kw_head = nn.Linear(d, k)
        self.ptr_query = nn.Linear(d, d)
        self.ptr_key = nn.Linear(d, d)
        self.drop = nn.Dropout(cfg.dropout)

    def _items(self, chars: torch.Tensor, kinds: torch.Tensor) -> torch.Tensor:
        """Pool each item's characters into one vector: (B, I, ITEM_CHARS) → (B, I, D)."""
        mask = (chars > 0).unsqueeze(-1).float()  # (B, I, C, 1)
        x = self.embed(chars) + self.item_pos.weight  # (B, I, C, D)
        mean = (x * mask).sum(2) / mask.sum(2).clamp(min=1)
        peak = (x + (mask - 1) * 1e4).max(2).values * (mask.sum(2) > 0).float()
        return self.item_proj(torch.cat([mean, peak], -1)) + self.item_kind(kinds)

    def encode(self, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
        """Encoder states (B, L, D) and the key-padding mask (B, L) (True = real position)."""
        q_ids = batch["q_ids"]  # (B, Lq)
        b, lq = q_ids.shape
        positions = torch.arange(lq, device=q_ids.device).clamp(max=self.cfg.max_question - 1)
        q = self.embed(q_ids) + self.position(positions) + self.cue(batch["q_tags"])
        schema = self._items(batch["s_chars"], batch["s_kinds"])  # (U, S, D): once per schema
        cands = self._items(batch["c_chars"], batch["c_kinds"])  # (B, C, D)
        cands = cands + self.item_quality(batch["c_quality"])
        items = torch.cat([schema[batch["schema_slot"]], cands], 1)  # (B, I, D)
        x = self.drop(torch.cat([q, items], 1))  # (B, L, D)
        mask = torch.cat([q_ids > 0, batch["i_mask"]], 1)  # (B, L)
        pad = torch.zeros(mask.shape, dtype=x.dtype, device=x.device).masked_fill(~mask, -1e4)
        rel = self.relation(batch["relations"])  # (B, L, L, H * layers)
        h = self.cfg.n_heads
        for i, layer in enumerate(self.encoder):
            bias = (
                rel[..., i * h : (i + 1) * h].permute(0, 3, 1, 2) + pad[:, None, None, :]
            )  # (B, H, L, L)
            x = layer(x, bias)
        return self.enc_norm(x), mask

    def decode(
        self, memory: torch.Tensor, mask: torch.Tensor, prev: torch.Tensor, n_q: int
    ) -> torch.Tensor:
        """Logits (B, T, K + I) for the next token after each prefix position.

        Args:
            memory: encoder states (B, L, D); items start at position ``n_q``.
            mask: key-padding mask (B, L).
            prev: previous output ids (B, T), ``-1`` = <bos>; ids ≥ K point at item ``id - K``.
            n_q: padded question length.
        """
        k = len(KEYWORDS)
        b, t = prev.shape
        items = memory[:, n_q:]  # (B, I, D)
        is_item = prev >= k
        kw = self.kw_embed(torch.where(prev < 0, torch.full_like(prev, k), prev.clamp(max=k - 1)))
        idx = (prev - k).clamp(min=0, max=items.shape[1] - 1)
        copied = self.copy_proj(
            torch.gather(items, 1, idx.unsqueeze(-1).expand(-1, -1, items.shape[-1]))
        )
        steps = torch.arange(t, device=prev.device).clamp(max=self.cfg.max_steps)
        y = self.drop(
            torch.where(is_item.unsqueeze(-1), copied, kw) + self.step_pos(steps)
        )  # (B, T, D)
        causal = torch.full((t, t), -1e4, device=prev.device).triu(1)
        mem_bias = torch.zeros(mask.shape, dtype=y.dtype, device=y.device).masked_fill(~mask, -1e4)
        mem_bias = mem_bias[:, None, None, :]  # (B, 1, 1, L)
        for layer in self.decoder:
            y = layer(y, causal, memory, mem_bias)
        y = self.dec_norm(y)
        kw_logits = self.kw_head(y)  # (B, T, K)
        ptr = torch.einsum("btd,bid->bti", self.ptr_query(y), self.ptr_key(items)) / math.sqrt(
            y.shape[-1]
        )
        ptr = ptr.masked_fill(~mask[:, None, n_q:], -1e4)  # (B, T, I)
        return torch.cat([kw_logits, ptr], -1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        """Teacher-forced logits (B, T, K + I) for ``batch["prev"]``."""
        memory, mask = self.encode(batch)
        return self.decode(memory, mask, batch["prev"], batch["q_ids"].shape[1])
