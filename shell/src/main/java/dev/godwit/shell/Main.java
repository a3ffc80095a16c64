package dev.godwit.shell;
public class Main { public static void main(String[] a) { System.out.println("godwit"); } }
