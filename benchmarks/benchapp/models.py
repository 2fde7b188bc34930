"""The floor that consultation submissions are compared with: one form, one row."""

from django.db import models


class MinimalSubmission(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField()
    answer = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name
