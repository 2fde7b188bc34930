"""Agenda consultations: questions, pooled multilingual responses, results and exports."""
